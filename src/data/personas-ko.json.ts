// Framework data loader: the "personas-ko" artifact (the persona cards in Korean) of the cached pipeline run
// (see pipeline/emit-artifact.ts).
import { emitArtifact } from "../../pipeline/emit-artifact.js";

await emitArtifact("personas-ko");
