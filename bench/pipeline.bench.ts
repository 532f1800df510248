// The whole pipeline on the real data with the reference test split, as a user runs it
// (`npm run pipeline -- --data … --test-ids …`): wall time against the 60 s target, and the selected
// model's test ROC-AUC beside the best reference figure in ../shared/reference/anchors.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ModelsArtifact } from "../src/lib/models/artifact.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SHARED = join(ROOT, "..", "shared");
/** Best test ROC-AUC in anchors.md's honest-protocol table (Stacking, scikit-learn). */
const BEST_REFERENCE = { name: "scikit-learn Stacking", auc: 0.9911 };

export default async function pipelineBench(): Promise<BenchResult[]> {
  const data = join(SHARED, "data", "ecommerce-churn.csv");
  const testIds = join(SHARED, "reference", "test-ids-dedup.json");
  if (!existsSync(data) || !existsSync(testIds)) {
    process.stderr.write("bench pipeline: ../shared is absent, skipped\n");
    return [];
  }
  const out = mkdtempSync(join(tmpdir(), "churn-bench-pipeline-"));
  const started = performance.now();
  const run = spawnSync(
    join(ROOT, "node_modules", ".bin", "tsx"),
    [join(ROOT, "pipeline", "cli.ts"), "--data", data, "--test-ids", testIds, "--out", out],
    {
      cwd: ROOT,
      encoding: "utf-8",
      env: { ...process.env, GEMINI_API_KEY: "" },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`pipeline failed:\n${run.stderr}`);
  const models = JSON.parse(readFileSync(join(out, "models.json"), "utf-8")) as ModelsArtifact;
  rmSync(out, { recursive: true, force: true });
  const selected = models.models.find((m) => m.id === models.selected.id);
  if (!selected) throw new Error("models.json names no selected model");
  const best = models.models.reduce((a, b) => (b.test.rocAuc.estimate > a.test.rocAuc.estimate ? b : a));
  return [
    {
      name: "pipeline",
      rows: models.protocol.rows,
      features: null,
      ours_s: seconds,
      peer: BEST_REFERENCE.name,
      peer_s: null,
      ratio: null,
      ours_auc: selected.test.rocAuc.estimate,
      peer_auc: BEST_REFERENCE.auc,
      extra: {
        target_s: 60,
        selected: selected.name,
        selected_pr_auc: selected.test.averagePrecision.estimate,
        auc_minus_best_reference: selected.test.rocAuc.estimate - BEST_REFERENCE.auc,
        best_of_ours: `${best.name} ${best.test.rocAuc.estimate}`,
      },
    },
  ];
}
