// Framework data loader: the "changes" artifact of the cached pipeline run (see pipeline/emit-artifact.ts),
// made only when the build was given a baseline (CHURN_BASELINE); otherwise a stub saying there is none.
import { emitArtifact } from "../../pipeline/emit-artifact.js";

await emitArtifact("changes", { version: 1, baseline: null });
