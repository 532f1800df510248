// `npm run score`'s work, without the command line: a customer file scored with a pipeline run's model.json,
// checked exactly as the Score page checks an upload (src/lib/scoring/upload.ts: the same readers, the same
// validation in row-level mode, against the schema the model was trained with) and scored by the same
// scoreTable. A nightly job must not quietly score part of its file, so a row the page would leave out fails
// the run, unless `skipInvalid` says to leave such rows out (they are then reported). The result is the text
// of the scores file (scores.csv's format).
import readXlsxFile from "read-excel-file/node";
import { InputError } from "../../src/lib/data/errors.js";
import { parquetToRawTable } from "../../src/lib/data/parquet.js";
import { idColumn } from "../../src/lib/data/schema.js";
import type { SheetRows } from "../../src/lib/data/xlsx-sheets.js";
import { scoresCsv } from "../../src/lib/scoring/scores-file.js";
import { scoreTable } from "../../src/lib/scoring/score.js";
import { readUpload, type ParsedUpload } from "../../src/lib/scoring/upload.js";
import { namesInFile } from "../exports/names-in-file.js";
import { readFileBytes, readRunFolder } from "../read-run-folder.js";

export interface ScoreFileOptions {
  /** A folder written by `npm run pipeline` (its model.json and summary.json are read). */
  readonly modelDir: string;
  /** The customers: CSV, XLSX or Parquet, with or without the churn column. */
  readonly dataPath: string;
  /** Flag at this probability instead of model.json's threshold. */
  readonly threshold?: number;
  /** Leave out rows with bad values (and report them) instead of failing. */
  readonly skipInvalid?: boolean;
}

export interface ScoredFile {
  readonly csv: string;
  readonly upload: ParsedUpload;
  readonly threshold: number;
  readonly flagged: number;
}

async function readSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  const sheets = await readXlsxFile(Buffer.from(bytes));
  return sheets.map((s) => ({ name: s.sheet, rows: s.data }));
}

export async function scoreFile(options: ScoreFileOptions): Promise<ScoredFile> {
  const { bundle, schema } = await readRunFolder(options.modelDir);
  const bytes = await readFileBytes(options.dataPath, "the customers to score");
  const upload = await readUpload(new Uint8Array(bytes), options.dataPath, readSheets, {
    readParquet: parquetToRawTable,
    schema,
  });
  if (upload.skipped.length > 0 && !options.skipInvalid) {
    throw InputError.fromIssues(
      options.dataPath,
      upload.skipped.flatMap((s) => s.issues),
    );
  }
  const threshold = options.threshold ?? bundle.threshold.value;
  const result = scoreTable(bundle, upload.table, { threshold, reasons: false });
  const csv = scoresCsv(
    namesInFile(upload.cleaning)(idColumn(upload.table.schema).name),
    { ids: upload.table.ids, probability: result.probability, decision: result.decision, cluster: result.cluster },
    bundle.segments.names,
  );
  return { csv, upload, threshold, flagged: result.decision.reduce((s, d) => s + d, 0) };
}
