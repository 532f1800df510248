// model.sql: the deployed model as one SQL SELECT over a table named `customers`, for a team that scores in
// its own engine. Generated from the scoring bundle (model.json) and the schema, never from column names of
// its own: the encoder spec says which features there are, the compact tree JSON (or the logistic
// regression's coefficients) how they are scored, the segment model how customers are assigned. Each step is
// one CTE, written to give the numbers src/lib/ gives (same comparisons, same order of additions):
//   cells    the columns read, text trimmed, blanks NULL          (validate.ts)
//   cleaned  category spellings to canonical values               (normalise.ts)
//   encoded  the row's first problem; the encoded features f0..;  (encode.ts)
//            the standardised R, F, M z0..z2                      (segments/rfm.ts)
//   model    each tree's value t0.. (or nothing: a linear model)  (trees/predict.ts)
//   margins  the model's output; squared distances to the centres
//   scored   probability (sigmoid of a margin); nearest centre
// and the final SELECT hides the scores of a row with a problem.
import { canonicalCategorySql, categoryProblems, numericProblems, textCellSql } from "./sql-cleaning.js";
import { commentText, numberLiteral, quoteIdentifier, quoteText, type SqlDialect } from "./sql-dialect.js";
import type { SqlTable } from "./sql-table.js";
import { ensembleOutput, treeCase } from "./sql-trees.js";
import type { EncoderSpec } from "../../src/lib/data/encode.js";
import type { LogisticModel } from "../../src/lib/models/types.js";
import type { ModelBundle } from "../../src/lib/scoring/bundle.js";

/** Names model.sql returns besides the ID column (which keeps the input file's name). */
export const SQL_OUTPUT_COLUMNS = ["probability", "flagged", "segment", "segment_name", "problem"] as const;

export interface ModelSqlOptions {
  readonly dialect: SqlDialect;
}

const DIALECT_ENGINES: Record<SqlDialect, string> = {
  standard: "DuckDB, PostgreSQL (Spark SQL with spark.sql.ansi.doubleQuotedIdentifiers=true)",
  bigquery: "BigQuery",
  spark: "Spark SQL",
};

/** Separates a column's SQL from the note the generator writes as a comment after it. */
const NOTE = "\u0000";

interface ModelPart {
  /** Columns of the `model` CTE: each tree's value, or the features a linear model reads. */
  readonly columns: readonly string[];
  /** The model's output from the `model` CTE's columns. */
  readonly output: string;
  /** True when the output is a log-odds margin (probability = its sigmoid); false when it is the probability. */
  readonly margin: boolean;
  readonly description: string;
}

function checkFeatureNames(encoder: EncoderSpec, names: readonly string[], what: string): void {
  const expected = encoder.featureNames;
  if (names.length !== expected.length || names.some((n, j) => n !== expected[j])) {
    throw new Error(
      `model.sql: the ${what} does not take the encoder's features (${names.length} against ${expected.length})`,
    );
  }
}

function logisticOutput(model: LogisticModel, feature: (j: number) => string): string {
  const { fill, mean, scale } = model.scaler;
  const terms = model.coefficients.map(
    (c, j) =>
      `${numberLiteral(c)} * ((COALESCE(${feature(j)}, ${numberLiteral(fill[j])}) - ${numberLiteral(mean[j])}) / ${numberLiteral(scale[j])})`,
  );
  return [numberLiteral(model.intercept), ...terms].join("\n      + ");
}

function modelPart(bundle: ModelBundle, feature: (j: number) => string): ModelPart {
  const model = bundle.model;
  switch (model.kind) {
    case "tree-ensemble": {
      const trees = model.model;
      checkFeatureNames(bundle.encoder, trees.featureNames, "tree ensemble");
      const columns = trees.trees.map((tree, k) => `${treeCase(tree, feature)} AS t${k}`);
      return {
        columns,
        output: ensembleOutput(
          trees,
          trees.trees.map((_, k) => `t${k}`),
        ),
        margin: trees.kind === "gbdt",
        description: `${trees.trees.length} ${trees.kind === "gbdt" ? "gradient-boosted trees" : "trees of a random forest"}`,
      };
    }
    case "logistic":
      checkFeatureNames(bundle.encoder, model.featureNames, "logistic regression");
      // The features pass through the model CTE to the formula in margins.
      return {
        columns: model.featureNames.map((_, j) => feature(j)),
        output: logisticOutput(model, feature),
        margin: true,
        description: "logistic regression",
      };
    default:
      throw new Error(
        `model.sql: a ${model.kind} model cannot be written as SQL (tree ensembles and logistic regression can)`,
      );
  }
}

/**
 * Short names for the encoded features, the most used in the trees' splits first: one letter for 26 of them,
 * f<j> for the rest. The deployed model compares features about 18,600 times, and these names keep its SQL
 * under BigQuery's limit on a query's length (1,024K characters).
 */
function featureAliases(bundle: ModelBundle): (j: number) => string {
  const n = bundle.encoder.featureNames.length;
  const uses = new Float64Array(n);
  if (bundle.model.kind === "tree-ensemble") {
    for (const tree of bundle.model.model.trees) for (const j of tree.feature) if (j >= 0) uses[j]++;
  }
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => uses[b] - uses[a] || a - b);
  const names = new Array<string>(n);
  order.forEach((j, rank) => (names[j] = rank < 26 ? String.fromCharCode(97 + rank) : `f${j}`));
  return (j) => names[j];
}

/** The whole file: comments that say what the SELECT expects and returns, then the SELECT. */
export function modelSql(bundle: ModelBundle, table: SqlTable, options: ModelSqlOptions): string {
  const { dialect } = options;
  const id = quoteIdentifier(dialect, table.nameInFile(table.id));
  const q = (text: string) => quoteText(dialect, text);
  if ((SQL_OUTPUT_COLUMNS as readonly string[]).includes(table.nameInFile(table.id).toLowerCase())) {
    throw new Error(
      `model.sql: the ID column may not be called ${table.nameInFile(table.id)}, a name the SELECT returns`,
    );
  }

  // cells and cleaned: one alias per schema column (n: number, t: trimmed text, c: canonical category).
  const cells: string[] = [`${id} AS customer_id`, `COUNT(*) OVER (PARTITION BY ${id}) AS id_rows`];
  const cleaned: string[] = ["customer_id", "id_rows"];
  const problems: { when: string; problem: string }[] = [
    { when: "customer_id IS NULL", problem: `${table.id} is blank; every customer needs an ID` },
    { when: "id_rows > 1", problem: `${table.id} repeats: more than one row has this ID` },
  ];
  const alias = new Map<string, string>();
  table.columns.forEach((spec, i) => {
    const source = quoteIdentifier(dialect, table.nameInFile(spec.name));
    const note = `${NOTE}${spec.name}`;
    if (spec.kind === "numeric") {
      alias.set(spec.name, `n${i}`);
      cells.push(`${source} AS n${i}${note}`);
      cleaned.push(`n${i}`);
      for (const p of numericProblems(spec, `n${i}`))
        problems.push({ when: p.when, problem: `${spec.name} ${p.problem}` });
    } else {
      alias.set(spec.name, `c${i}`);
      cells.push(`${textCellSql(dialect, source, table.blankTokens)} AS t${i}${note}`);
      cleaned.push(`t${i}`, `${canonicalCategorySql(dialect, spec, `t${i}`)} AS c${i}`);
      for (const p of categoryProblems(spec, `t${i}`, `c${i}`)) {
        problems.push({ when: p.when, problem: `${spec.name} ${p.problem}` });
      }
    }
  });
  const columnAlias = (name: string, kind: string): string => {
    const a = alias.get(name);
    if (!a || a[0] !== kind)
      throw new Error(
        `model.sql: the encoder reads ${name}, which is not a ${kind === "n" ? "numeric" : "category"} column of the schema`,
      );
    return a;
  };

  const feature = featureAliases(bundle);

  // encoded: the problem, the features as encode() makes them, the standardised R, F, M.
  const impute = bundle.impute;
  const encoded: string[] = [
    "customer_id",
    `CASE ${problems.map((p) => `WHEN ${p.when} THEN ${q(p.problem)}`).join("\n      ")}\n      END AS problem`,
  ];
  bundle.encoder.features.forEach((f, j) => {
    const note = `${NOTE}${f.name}`;
    if (f.kind === "numeric") {
      // "+ 0e0" makes a whole-number column a double once here instead of in each of the trees' comparisons
      // (in DuckDB that about halves the time to plan and run the SELECT); it changes no value.
      const x = `${columnAlias(f.column, "n")} + 0e0`;
      encoded.push(`${impute ? `COALESCE(${x}, ${numberLiteral(f.median)})` : x} AS ${feature(j)}${note}`);
    } else if (f.kind === "missing-flag") {
      encoded.push(`CASE WHEN ${columnAlias(f.column, "n")} IS NULL THEN 1e0 ELSE 0e0 END AS ${feature(j)}${note}`);
    } else {
      const c = columnAlias(f.column, "c");
      const blank = impute ? "0e0" : "NULL";
      encoded.push(
        `CASE WHEN ${c} IS NULL THEN ${blank} WHEN ${c} = ${q(f.value)} THEN 1e0 ELSE 0e0 END AS ${feature(j)}${note}`,
      );
    }
  });
  const segments = bundle.segments;
  const rfm = (["recency", "frequency", "monetary"] as const).map((key, r) => {
    const x = columnAlias(segments.scaler.columns[key], "n");
    const { medians, means, sds } = segments.scaler;
    return `(COALESCE(${x}, ${numberLiteral(medians[key])}) - ${numberLiteral(means[key])}) / ${numberLiteral(sds[key])} AS z${r}`;
  });
  for (const z of rfm) encoded.push(z);

  const part = modelPart(bundle, feature);
  const distances = segments.centres.map((centre, c) => {
    const terms = centre.map((v, r) => `(z${r} - ${numberLiteral(v)}) * (z${r} - ${numberLiteral(v)})`);
    return `${terms.join(" + ")} AS d${c}`;
  });
  const k = segments.centres.length;
  const nearest =
    k === 1
      ? "0"
      : `CASE ${Array.from({ length: k - 1 }, (_, c) => {
          const rest = Array.from({ length: k - 1 - c }, (_, i) => `d${c} <= d${c + 1 + i}`).join(" AND ");
          return `WHEN ${rest} THEN ${c}`;
        }).join("\n      ")}\n      ELSE ${k - 1} END`;
  const probability = part.margin
    ? "CASE WHEN margin >= 0 THEN 1 / (1 + EXP(-margin)) ELSE EXP(margin) / (1 + EXP(margin)) END"
    : "margin";
  const threshold = bundle.threshold.value;
  const names = segments.names.map((name, c) => `WHEN ${c} THEN ${q(name)}`).join(" ");

  const cte = (name: string, columns: readonly string[], from: string) => {
    // A column's note (after NOTE) becomes a comment after its comma.
    const lines = columns.map((column, i) => {
      const [sql, note] = column.split(NOTE);
      const comma = i < columns.length - 1 ? "," : "";
      return `    ${sql}${comma}${note === undefined ? "" : ` -- ${commentText(note)}`}`;
    });
    return `${name} AS (\n  SELECT\n${lines.join("\n")}\n  FROM ${from}\n)`;
  };
  const body = [
    cte("cells", cells, "customers"),
    cte("cleaned", cleaned, "cells"),
    cte("encoded", encoded, "cleaned"),
    cte("model", ["customer_id", "problem", "z0", "z1", "z2", ...part.columns], "encoded"),
    cte("margins", ["customer_id", "problem", `${part.output} AS margin`, ...distances], "model"),
    cte("scored", ["customer_id", "problem", `${probability} AS probability`, `${nearest} AS segment`], "margins"),
  ];
  const select = [
    `SELECT`,
    `  customer_id AS ${id},`,
    `  CASE WHEN problem IS NULL THEN probability END AS probability,`,
    `  CASE WHEN problem IS NULL THEN CASE WHEN probability >= ${numberLiteral(threshold)} THEN 1 ELSE 0 END END AS flagged,`,
    `  CASE WHEN problem IS NULL THEN segment END AS segment,`,
    `  CASE WHEN problem IS NULL THEN CASE segment ${names} END END AS segment_name,`,
    `  problem`,
    `FROM scored`,
  ].join("\n");
  return `${header(bundle, table, dialect, part.description)}WITH\n${body.join(",\n")}\n${select}\n`;
}

function header(bundle: ModelBundle, table: SqlTable, dialect: SqlDialect, model: string): string {
  const id = quoteIdentifier(dialect, table.nameInFile(table.id));
  const lines = [
    `model.sql: churn-report's deployed model as one SELECT, generated from model.json (do not edit).`,
    `Model: ${bundle.modelName} (${bundle.modelId}), ${model}.`,
    `Decision: flagged = 1 when probability >= ${bundle.threshold.value} (the ${bundle.threshold.policy} threshold).`,
    `Dialect: ${dialect}, for ${DIALECT_ENGINES[dialect]}.`,
    `Reads the table customers, one row per customer, with these columns (numbers as numbers, blanks as NULL):`,
    `  ${id}: the customer ID, any type`,
    ...table.columns.map((spec) => `  ${quoteIdentifier(dialect, table.nameInFile(spec.name))}: ${columnNote(spec)}`),
    `Returns for every row: ${id}, probability, flagged (1 or 0), segment (cluster id), segment_name, and`,
    `problem: NULL, or why the Score page would leave the row out (its scores are then NULL).`,
  ];
  return lines.map((line) => `-- ${commentText(line)}`).join("\n") + "\n";
}

function columnNote(spec: SqlTable["columns"][number]): string {
  const blank = spec.nullable ? "NULL when blank" : "never blank";
  if (spec.kind === "numeric") {
    return `a number${spec.integer ? " (whole)" : ""} from ${spec.min} to ${spec.max}, ${blank}`;
  }
  const variants = Object.keys(spec.variants);
  return `text, one of ${spec.values.join(" | ")}${variants.length ? ` (or ${variants.join(" | ")})` : ""}, ${blank}`;
}
