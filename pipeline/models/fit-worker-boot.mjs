// Worker threads do not inherit the parent's TypeScript loader: register tsx here, then load the worker.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
