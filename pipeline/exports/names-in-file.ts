// Validation finds a column under another letter case or spacing ("customerid" for CustomerID). What the
// pipeline writes for other systems (scores.csv's header, model.sql's column references) uses the name as the
// input file spells it, since that is the name the team's own table has.
import type { CleaningReport } from "../../src/lib/data/validate.js";

export type NameInFile = (schemaName: string) => string;

export function namesInFile(cleaning: Pick<CleaningReport, "renamedColumns">): NameInFile {
  const byName = new Map(cleaning.renamedColumns.map((r) => [r.to, r.from]));
  return (schemaName) => byName.get(schemaName) ?? schemaName;
}
