// `npm run serve`: the built site on http://127.0.0.1:PORT (default 8080, or the PORT variable), with the
// same static server the browser tests use, so reading the report needs nothing from the network.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { serveStatic } from "./serve-static.js";

const root = resolve(process.argv[2] ?? join(PROJECT_ROOT, "dist"));
if (!existsSync(join(root, "index.html"))) {
  console.error(`serve: ${root} holds no built site (index.html); run npm run build first`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: PORT must be a whole number from 0 to 65535, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
const server = await serveStatic(root, port, false);
console.log(`serving ${root} on ${server.url} (Ctrl-C to stop)`);
