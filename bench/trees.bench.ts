// Tree engine benchmarks (figures, not timed tests): training speed against XGBoost `hist` and
// scikit-learn / ml-random-forest, exact TreeSHAP against XGBoost's `pred_contribs`, test quality against the
// reference figures, and scoring speed from the exported JSON. Peers run only when installed (Debian's
// python3-xgboost / python3-sklearn); otherwise their fields are null and `extra.peer_missing` says why.
// Speed runs happen in child processes so each side's peak memory is its own. Besides wall seconds, both
// sides report CPU seconds (`extra`): on a shared machine those are what to compare when the load moves.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadChurnSplit, realDataMissing, replicate, type Labelled } from "./fixtures/churn-split.js";
import type { BenchResult } from "./types.js";
import { DEFAULT_FOREST, trainForest, type ForestParams } from "../pipeline/trees/train-forest.js";
import {
  CHURN_GBDT_DEPTHWISE,
  CHURN_GBDT_LEAFWISE,
  DEFAULT_GBDT_LEAFWISE,
  trainGbdt,
  type GbdtParams,
} from "../pipeline/trees/train-gbdt.js";
import { averagePrecision } from "../src/lib/metrics/pr.js";
import { rocAuc } from "../src/lib/metrics/roc.js";
import { selectRows } from "../src/lib/matrix.js";
import { modelFromJSON, modelToJSON, modelSize } from "../src/lib/trees/model.js";
import { predictMargin, predictProba } from "../src/lib/trees/predict.js";
import { treeShap } from "../src/lib/trees/shap.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PEERS = fileURLToPath(new URL("./peers/", import.meta.url));

/** The settings recommended to the models stage (chosen by 5-fold CV on the training rows only). */
const RECOMMENDED_GBDT = CHURN_GBDT_DEPTHWISE;
const RECOMMENDED_GBDT_LEAFWISE = CHURN_GBDT_LEAFWISE;
const RECOMMENDED_FOREST: Partial<ForestParams> = DEFAULT_FOREST;

/** Reference figures on the same split (../shared/reference/anchors.md). */
const ANCHORS = {
  histgb: { auc: 0.9903, pr: 0.9727, fit_s: 0.85 },
  xgboost: { auc: 0.9883, pr: 0.9616, fit_s: 1.5 },
  forest: { auc: 0.9843, pr: 0.9675, fit_s: 0.84 },
};

const GBDT_TRAIN = { times: 100, rounds: 200, maxDepth: 6, learningRate: 0.1 };

interface PeerOutput {
  fit_s: number;
  fit_cpu_s: number;
  peak_mb: number;
  proba: number[];
}

const round = (v: number, digits = 4): number => Math.round(v * 10 ** digits) / 10 ** digits;

function python(): string | null {
  for (const exe of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(exe, ["-c", "import numpy"], { encoding: "utf8" });
    if (probe.status === 0) return exe;
  }
  return null;
}

function hasModule(exe: string | null, module: string): boolean {
  return exe !== null && spawnSync(exe, ["-c", `import ${module}`], { encoding: "utf8" }).status === 0;
}

/** Runs one peer script on one thread; its last line of output is its JSON result (null when it failed). */
function runPython<T>(exe: string, script: string, args: string[]): T | null {
  const out = spawnSync(exe, [join(PEERS, script), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, OMP_WAIT_POLICY: "passive", OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" },
  });
  if (out.status !== 0) {
    process.stderr.write(`trees bench: ${script} failed: ${out.stderr}\n`);
    return null;
  }
  return JSON.parse(out.stdout.trim().split("\n").pop() as string) as T;
}

const runPeer = (exe: string, script: string, args: string[]) => runPython<PeerOutput>(exe, script, args);
const runShapPeer = (exe: string, args: string[]) => runPython<ShapPeerOutput>(exe, "xgb_shap.py", args);

function writeData(dir: string, train: Labelled, test: Labelled): void {
  const bytes = (a: Float64Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  writeFileSync(join(dir, "train_X.f64"), bytes(train.X.values));
  writeFileSync(join(dir, "train_y.u8"), bytes(train.y));
  writeFileSync(join(dir, "test_X.f64"), bytes(test.X.values));
  writeFileSync(join(dir, "test_y.u8"), bytes(test.y));
  writeFileSync(join(dir, "shape.json"), JSON.stringify({ cols: train.X.nCols, names: train.X.featureNames }));
}

function readData(dir: string, name: "train" | "test"): Labelled {
  const { cols, names } = JSON.parse(readFileSync(join(dir, "shape.json"), "utf8")) as {
    cols: number;
    names: string[];
  };
  const raw = readFileSync(join(dir, `${name}_X.f64`));
  const values = new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const y = new Uint8Array(readFileSync(join(dir, `${name}_y.u8`)));
  return { X: { nRows: values.length / cols, nCols: cols, values, featureNames: names }, y };
}

/** Child-process side of gbdt-train: trains on the files in `dir`, prints fit time, peak RSS and test probabilities. */
function childGbdtTrain(dir: string): void {
  const train = readData(dir, "train");
  const test = readData(dir, "test");
  const start = performance.now();
  const cpu = process.cpuUsage();
  const model = trainGbdt(train.X, train.y, {
    rounds: GBDT_TRAIN.rounds,
    maxDepth: GBDT_TRAIN.maxDepth,
    learningRate: GBDT_TRAIN.learningRate,
  });
  const fit = (performance.now() - start) / 1000;
  const fitCpu = cpuSeconds(cpu);
  const proba = Array.from(predictProba(model, test.X));
  const out: PeerOutput = { fit_s: fit, fit_cpu_s: fitCpu, peak_mb: process.resourceUsage().maxRSS / 1024, proba };
  process.stdout.write(JSON.stringify(out) + "\n");
}

function runOursInChild(dir: string): PeerOutput {
  const out = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, TREES_BENCH_CHILD: dir },
  });
  if (out.status !== 0) throw new Error(`trees bench child failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").pop() as string) as PeerOutput;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function timed<T>(f: () => T): { value: T; seconds: number; cpu: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = f();
  return { value, seconds: (performance.now() - start) / 1000, cpu: cpuSeconds(cpu) };
}

interface ShapPeerOutput {
  shap_s: number;
  shap_cpu_s: number;
  rows: number;
  trees: number;
  leaves: number;
  max_depth: number;
  additivity_err: number;
}

function imputed(data: Labelled, medians: Float64Array): number[][] {
  const { nRows, nCols, values } = data.X;
  const rows: number[][] = [];
  for (let i = 0; i < nRows; i++) {
    const row = new Array<number>(nCols);
    for (let j = 0; j < nCols; j++) {
      const v = values[i * nCols + j];
      row[j] = v === v ? v : medians[j];
    }
    rows.push(row);
  }
  return rows;
}

function columnMedians(data: Labelled): Float64Array {
  const { nRows, nCols, values } = data.X;
  const out = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    const col: number[] = [];
    for (let i = 0; i < nRows; i++)
      if (values[i * nCols + j] === values[i * nCols + j]) col.push(values[i * nCols + j]);
    col.sort((a, b) => a - b);
    const m = col.length >> 1;
    out[j] = col.length === 0 ? 0 : col.length % 2 ? col[m] : (col[m - 1] + col[m]) / 2;
  }
  return out;
}

interface MlForest {
  train(X: number[][], y: number[]): void;
  predictProbability(X: number[][], label: number): number[];
}

/** ml-random-forest at as many trees as fit in about a minute, its time scaled to `trees`. */
async function mlRandomForest(
  train: Labelled,
  test: Labelled,
  trees: number,
): Promise<{ seconds: number; fitted: number; auc: number | null } | null> {
  let Ctor: new (options: Record<string, unknown>) => MlForest;
  try {
    Ctor = (await import("ml-random-forest")).RandomForestClassifier as unknown as new (
      options: Record<string, unknown>,
    ) => MlForest;
  } catch {
    return null;
  }
  const medians = columnMedians(train);
  const X = imputed(train, medians);
  const y = Array.from(train.y);
  const options = (n: number) => ({
    nEstimators: n,
    maxFeatures: Math.sqrt(train.X.nCols) / train.X.nCols,
    replacement: true,
    useSampleBagging: true,
    seed: 0,
    noOOB: true,
  });
  const one = timed(() => new Ctor(options(1)).train(X, y));
  const k = Math.max(1, Math.floor(60 / one.seconds));
  let seconds = one.seconds;
  let auc: number | null = null;
  if (k > 1) {
    const forest = new Ctor(options(k));
    seconds = timed(() => forest.train(X, y)).seconds;
    // Its predictProbability leaves the first tree's vote out; with few trees the AUC says little either way.
    if (k >= 3) auc = rocAuc(test.y, forest.predictProbability(imputed(test, medians), 1));
  }
  return { seconds: (seconds * trees) / k, fitted: k, auc };
}

export default async function run(): Promise<BenchResult[]> {
  const missing = realDataMissing();
  if (missing) {
    process.stderr.write(`trees bench: skipped, ${missing}\n`);
    return [];
  }
  const data = await loadChurnSplit();
  const { train, test } = data;
  const exe = python();
  const xgboost = hasModule(exe, "xgboost");
  const sklearn = hasModule(exe, "sklearn");
  const missingPeer = (module: string) => `${module} is not importable by ${exe ?? "python3 (with numpy)"}`;
  const dir = mkdtempSync(join(tmpdir(), "trees-bench-"));
  const results: BenchResult[] = [];
  try {
    // gbdt-train: the training rows replicated 100 times.
    const big = replicate(train, GBDT_TRAIN.times);
    writeData(dir, big, test);
    const ours = runOursInChild(dir);
    const peer =
      xgboost && exe
        ? runPeer(exe, "xgb_train.py", [
            dir,
            String(GBDT_TRAIN.rounds),
            String(GBDT_TRAIN.maxDepth),
            String(GBDT_TRAIN.learningRate),
          ])
        : null;
    results.push({
      name: "gbdt-train",
      rows: big.X.nRows,
      features: big.X.nCols,
      ours_s: round(ours.fit_s, 2),
      peer: peer ? "xgboost hist (1 thread)" : null,
      peer_s: peer ? round(peer.fit_s, 2) : null,
      ratio: peer ? round(ours.fit_s / peer.fit_s, 2) : null,
      ours_auc: round(rocAuc(test.y, ours.proba)),
      peer_auc: peer ? round(rocAuc(test.y, peer.proba)) : null,
      extra: {
        rounds: GBDT_TRAIN.rounds,
        depth: GBDT_TRAIN.maxDepth,
        learning_rate: GBDT_TRAIN.learningRate,
        max_bins: 256,
        threads: 1,
        ours_cpu_s: round(ours.fit_cpu_s, 2),
        peer_cpu_s: peer ? round(peer.fit_cpu_s, 2) : null,
        cpu_ratio: peer ? round(ours.fit_cpu_s / peer.fit_cpu_s, 2) : null,
        ours_peak_mb: Math.round(ours.peak_mb),
        peer_peak_mb: peer ? Math.round(peer.peak_mb) : null,
        peer_missing: xgboost ? null : missingPeer("xgboost"),
        note: "both sides time binning / DMatrix construction plus training; peak RSS includes the 100 MB input matrix",
      },
    });

    // Quality on the deduplicated reference split.
    writeData(dir, train, test);
    const xgbSmall = xgboost && exe ? runPeer(exe, "xgb_train.py", [dir, "300", "6", "0.1"]) : null;
    const gbdtCases: [string, Partial<GbdtParams>][] = [
      ["gbdt-quality", RECOMMENDED_GBDT],
      ["gbdt-quality-leafwise", RECOMMENDED_GBDT_LEAFWISE],
      ["gbdt-quality-xgboost-settings", { rounds: 300, maxDepth: 6, learningRate: 0.1 }],
    ];
    for (const [name, params] of gbdtCases) {
      const fit = timed(() => trainGbdt(train.X, train.y, params));
      const p = predictProba(fit.value, test.X);
      results.push({
        name,
        rows: train.X.nRows,
        features: train.X.nCols,
        ours_s: round(fit.seconds, 3),
        peer: "scikit-learn HistGradientBoosting (anchors.md)",
        peer_s: ANCHORS.histgb.fit_s,
        ratio: round(fit.seconds / ANCHORS.histgb.fit_s, 2),
        ours_auc: round(rocAuc(test.y, p)),
        peer_auc: ANCHORS.histgb.auc,
        extra: {
          params: JSON.stringify(params),
          ours_pr_auc: round(averagePrecision(test.y, p)),
          peer_pr_auc: ANCHORS.histgb.pr,
          xgboost_anchor_auc: ANCHORS.xgboost.auc,
          xgboost_live_auc: xgbSmall ? round(rocAuc(test.y, xgbSmall.proba)) : null,
          xgboost_live_pr_auc: xgbSmall ? round(averagePrecision(test.y, xgbSmall.proba)) : null,
          leaves: modelSize(fit.value).leaves,
        },
      });
    }

    // Forest: quality and speed at 300 trees.
    const forest = timed(() => trainForest(train.X, train.y, RECOMMENDED_FOREST));
    const pf = predictProba(forest.value, test.X);
    const skl = sklearn && exe ? runPeer(exe, "sklearn_forest.py", [dir, "300"]) : null;
    results.push({
      name: "forest-quality",
      rows: train.X.nRows,
      features: train.X.nCols,
      ours_s: round(forest.seconds, 3),
      peer: "scikit-learn RandomForest (anchors.md)",
      peer_s: ANCHORS.forest.fit_s,
      ratio: round(forest.seconds / ANCHORS.forest.fit_s, 2),
      ours_auc: round(rocAuc(test.y, pf)),
      peer_auc: ANCHORS.forest.auc,
      extra: {
        ours_pr_auc: round(averagePrecision(test.y, pf)),
        peer_pr_auc: ANCHORS.forest.pr,
        sklearn_live_auc: skl ? round(rocAuc(test.y, skl.proba)) : null,
        sklearn_live_pr_auc: skl ? round(averagePrecision(test.y, skl.proba)) : null,
        leaves: modelSize(forest.value).leaves,
      },
    });
    results.push({
      name: "forest-train",
      rows: train.X.nRows,
      features: train.X.nCols,
      ours_s: round(forest.seconds, 3),
      peer: skl ? "scikit-learn RandomForestClassifier (1 thread, 300 trees)" : null,
      peer_s: skl ? round(skl.fit_s, 3) : null,
      ratio: skl ? round(forest.seconds / skl.fit_s, 2) : null,
      ours_auc: round(rocAuc(test.y, pf)),
      peer_auc: skl ? round(rocAuc(test.y, skl.proba)) : null,
      extra: {
        trees: 300,
        max_features: "sqrt",
        threads: 1,
        ours_cpu_s: round(forest.cpu, 3),
        peer_cpu_s: skl ? round(skl.fit_cpu_s, 3) : null,
        cpu_ratio: skl ? round(forest.cpu / skl.fit_cpu_s, 2) : null,
        peer_missing: sklearn ? null : missingPeer("sklearn"),
      },
    });
    const ml = await mlRandomForest(train, test, 300);
    results.push({
      name: "forest-train-ml-random-forest",
      rows: train.X.nRows,
      features: train.X.nCols,
      ours_s: round(forest.seconds, 3),
      peer: ml ? `ml-random-forest 2.1.0 (${ml.fitted} trees in a minute, time scaled to 300)` : null,
      peer_s: ml ? round(ml.seconds, 1) : null,
      ratio: ml ? round(forest.seconds / ml.seconds, 5) : null,
      ours_auc: round(rocAuc(test.y, pf)),
      peer_auc: ml && ml.auc !== null ? round(ml.auc) : null,
      extra: { trees: 300 },
    });

    // treeshap: exact SHAP values of every test row, ours (one thread, Node) against XGBoost's pred_contribs
    // (one thread) on a model of the deployed size and shape trained on the same rows: 300 leaf-wise trees of
    // at most 63 leaves, no depth limit, 60% of the features per tree. Ours is timed on a fresh model object,
    // so the once-per-model tables are in its time.
    {
      const params: GbdtParams = { ...DEFAULT_GBDT_LEAFWISE, ...RECOMMENDED_GBDT_LEAFWISE };
      const model = modelFromJSON(modelToJSON(trainGbdt(train.X, train.y, params)));
      const shap = timed(() => treeShap(model, test.X));
      const warm = timed(() => treeShap(model, test.X));
      const margin = predictMargin(model, test.X);
      let additivity = 0;
      for (let i = 0; i < test.X.nRows; i++) {
        let sum = shap.value.expected;
        for (let j = 0; j < test.X.nCols; j++) sum += shap.value.values[i * test.X.nCols + j];
        additivity = Math.max(additivity, Math.abs(sum - margin[i]));
      }
      const size = modelSize(model);
      const peer =
        xgboost && exe
          ? runShapPeer(exe, [
              dir,
              String(params.rounds),
              String(params.maxLeaves),
              String(params.learningRate),
              String(params.colsample),
            ])
          : null;
      results.push({
        name: "treeshap",
        rows: test.X.nRows,
        features: test.X.nCols,
        ours_s: round(shap.seconds, 3),
        peer: peer ? "xgboost pred_contribs (1 thread, lossguide, same trees/leaves)" : null,
        peer_s: peer ? round(peer.shap_s, 3) : null,
        ratio: peer ? round(shap.seconds / peer.shap_s, 3) : null,
        ours_auc: null,
        peer_auc: null,
        extra: {
          target_ratio: 0.25,
          algorithm: "Linear TreeSHAP (Gauss-Legendre points, WebAssembly f64x2)",
          ours_cpu_s: round(shap.cpu, 3),
          peer_cpu_s: peer ? round(peer.shap_cpu_s, 3) : null,
          cpu_ratio: peer ? round(shap.cpu / peer.shap_cpu_s, 3) : null,
          ours_rows_per_s: Math.round(test.X.nRows / shap.seconds),
          ours_warm_s: round(warm.seconds, 3),
          peer_rows_per_s: peer ? Math.round(peer.rows / peer.shap_s) : null,
          ours_trees: size.trees,
          ours_leaves: size.leaves,
          ours_max_depth: size.maxDepth,
          peer_trees: peer ? peer.trees : null,
          peer_leaves: peer ? peer.leaves : null,
          peer_max_depth: peer ? peer.max_depth : null,
          ours_additivity_err: additivity,
          peer_additivity_err: peer ? peer.additivity_err : null,
          peer_missing: xgboost ? null : missingPeer("xgboost"),
        },
      });
    }

    // Scoring from the exported JSON, in rows per second.
    const scoreRows = replicate(test, 100);
    // TreeSHAP costs trees x leaves x depth² per row: all test rows for boosting, a slice for the deep forest.
    const cases = [
      ["score", trainGbdt(train.X, train.y, RECOMMENDED_GBDT), test.X.nRows],
      ["score-forest", forest.value, 100],
    ] as const;
    for (const [name, model, nShap] of cases) {
      const shapRows = {
        X: selectRows(
          test.X,
          Int32Array.from({ length: nShap }, (_, i) => i),
        ),
      };
      const json = modelToJSON(model);
      const imported = modelFromJSON(json);
      predictProba(imported, test.X); // warm-up: flattening and JIT
      const plain = timed(() => predictProba(imported, scoreRows.X));
      const shap = timed(() => treeShap(imported, shapRows.X));
      results.push({
        name,
        rows: scoreRows.X.nRows,
        features: scoreRows.X.nCols,
        ours_s: round(plain.seconds, 3),
        peer: null,
        peer_s: null,
        ratio: null,
        ours_auc: null,
        peer_auc: null,
        extra: {
          rows_per_s: Math.round(scoreRows.X.nRows / plain.seconds),
          shap_rows: shapRows.X.nRows,
          shap_s: round(shap.seconds, 3),
          shap_rows_per_s: Math.round(shapRows.X.nRows / shap.seconds),
          json_kb: Math.round(json.length / 1024),
          trees: imported.trees.length,
          nodes: modelSize(imported).nodes,
        },
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.env.TREES_BENCH_CHILD) childGbdtTrain(process.env.TREES_BENCH_CHILD);
