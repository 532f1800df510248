// A tree of the ensemble (the compact JSON form in src/lib/trees/model.ts) as one nested CASE expression,
// routing a row exactly as src/lib/trees/predict.ts does: left when x <= threshold, a missing value (NULL)
// to the side the split learned. The comparison is written so that NULL falls to the ELSE branch, which is
// then that side:
//   missing goes right:  CASE WHEN x <= t THEN left ELSE right END
//   missing goes left:   CASE WHEN x > t THEN right ELSE left END
// (for a non-missing x, x > t is exactly "not x <= t"). A split above every value (threshold Infinity, null in
// the JSON) sends every present value left.
import type { CompactTree, TreeEnsembleModel } from "../../src/lib/trees/model.js";
import { comparisonLiteral, numberLiteral } from "./sql-dialect.js";

/** How the generated SQL names encoded feature j. */
export type FeatureRef = (j: number) => string;

export function treeCase(tree: CompactTree, feature: FeatureRef, node = 0): string {
  const j = tree.feature[node];
  if (j === -1) return numberLiteral(tree.value[node], true);
  const x = feature(j);
  const t = tree.threshold[node];
  const left = treeCase(tree, feature, tree.left[node]);
  const right = treeCase(tree, feature, tree.right[node]);
  const missingLeft = tree.defaultLeft[node] === 1;
  if (t === Infinity) return missingLeft ? left : `CASE WHEN ${x} IS NULL THEN ${right} ELSE ${left} END`;
  return missingLeft
    ? `CASE WHEN ${x}>${comparisonLiteral(t)} THEN ${right} ELSE ${left} END`
    : `CASE WHEN ${x}<=${comparisonLiteral(t)} THEN ${left} ELSE ${right} END`;
}

/**
 * The ensemble's raw output from its trees' columns, added in tree order as predictMargin adds them:
 * gbdt, the log-odds margin (baseScore plus the leaf values); forest, the mean leaf share.
 */
export function ensembleOutput(model: TreeEnsembleModel, treeColumns: readonly string[]): string {
  const sum = treeColumns.length > 0 ? treeColumns.join(" + ") : "0e0";
  if (model.kind === "forest") {
    const scale = treeColumns.length > 0 ? 1 / treeColumns.length : 0;
    return `${numberLiteral(model.baseScore)} + (${sum}) * ${numberLiteral(scale)}`;
  }
  return `${numberLiteral(model.baseScore)} + (${sum})`;
}
