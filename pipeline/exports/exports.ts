// The exports of a run (see artifacts.ts), from the input and model.json as a reader of the file gets it
// (serialised and parsed back, so no number differs from what the Score page or a warehouse sees).
import type { InputData } from "../../src/lib/data/input.js";
import { idColumn } from "../../src/lib/data/schema.js";
import { readModelBundle, type ModelBundleFile } from "../../src/lib/scoring/bundle.js";
import { scoresCsv } from "../../src/lib/scoring/scores-file.js";
import { scoreTable } from "../../src/lib/scoring/score.js";
import { serialiseArtifact, type Exports } from "../artifacts.js";
import { modelSql } from "./model-sql.js";
import { namesInFile } from "./names-in-file.js";
import { sqlTable, sqlUnsupported } from "./sql-table.js";

export function makeExports(
  input: Pick<InputData, "table" | "cleaning">,
  bundleFile: ModelBundleFile,
  log: (line: string) => void,
): Exports {
  const bundle = readModelBundle(JSON.parse(serialiseArtifact(bundleFile)));
  const { schema } = input.table;
  const names = namesInFile(input.cleaning);
  const result = scoreTable(bundle, input.table, { reasons: false });
  const exports: Exports = {
    // Every input customer scored the way the Score page scores an upload.
    "scores.csv": scoresCsv(
      names(idColumn(schema).name),
      { ids: input.table.ids, probability: result.probability, decision: result.decision, cluster: result.cluster },
      bundle.segments.names,
    ),
  };
  const unsupported = sqlUnsupported(schema);
  if (unsupported) log(`exports: no model.sql: ${unsupported}`);
  else exports["model.sql"] = modelSql(bundle, sqlTable(schema, names), { dialect: "standard" });
  return exports;
}
