// Framework data loader: the "segments" artifact of the cached pipeline run (see loaders/emit-artifact.ts).
import { emitArtifact } from "../../loaders/emit-artifact.js";

await emitArtifact("segments");
