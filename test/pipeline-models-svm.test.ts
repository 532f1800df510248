import { test } from "node:test";
import assert from "node:assert/strict";
import { svmDecision } from "../src/lib/models/svm.js";
import { loadLibsvm, trainSvm } from "../pipeline/models/svm.js";
import { synthetic } from "./fixtures/matrices.js";

test("SVM: the exported decision function agrees with libsvm; retraining gives the same JSON", async () => {
  const { X, y } = synthetic(300, 2);
  const m = await trainSvm(X, y, { C: 3, gamma: 0.2, seed: 1 });
  const again = await trainSvm(X, y, { C: 3, gamma: 0.2, seed: 1 });
  assert.equal(JSON.stringify(m), JSON.stringify(again));
  assert.ok(m.platt.a < 0, "higher decision value, higher probability");
  // libsvm's own labels on the same standardised rows.
  const SVM = await loadLibsvm();
  const svm = new SVM({ type: SVM.SVM_TYPES.C_SVC, kernel: SVM.KERNEL_TYPES.RBF, cost: 3, gamma: 0.2, quiet: true });
  const Z = Array.from({ length: X.nRows }, (_, i) =>
    Array.from(
      { length: 3 },
      (_, j) =>
        ((Number.isNaN(X.values[i * 3 + j]) ? m.scaler.fill[j] : X.values[i * 3 + j]) - m.scaler.mean[j]) /
        m.scaler.scale[j],
    ),
  );
  svm.train(Z, Array.from(y));
  const labels = (svm as unknown as { predict(s: number[][]): number[] }).predict(Z);
  svm.free();
  const d = svmDecision(m, X);
  const agree = labels.filter((l, i) => Math.abs(d[i]) < 1e-4 || (d[i] > 0 ? 1 : 0) === l).length;
  assert.equal(agree, labels.length);
});
