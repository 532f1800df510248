// Framework data loader: the "hypotheses" artifact of the cached pipeline run (see pipeline/emit-artifact.ts).
import { emitArtifact } from "../../pipeline/emit-artifact.js";

await emitArtifact("hypotheses");
