// What model.sql needs to know about the customers table besides the model: which column is the ID, the
// columns the Score page checks and the encoder reads (with their kinds, ranges and spellings), the cell
// texts that mean blank, and each column's name as the input file spells it. All of it from the schema the
// model was trained with (src/lib/data/schema.ts), never from names of its own.
import { featureColumns, idColumn, type FeatureColumn, type Schema } from "../../src/lib/data/schema.js";
import type { NameInFile } from "./names-in-file.js";

export interface SqlTable {
  /** The ID column's schema name. */
  readonly id: string;
  /** Every feature column of the schema, in schema order: the Score page checks them all. */
  readonly columns: readonly FeatureColumn[];
  /** Cell texts read as blank besides empty ones (compared in lower case). */
  readonly blankTokens: readonly string[];
  readonly nameInFile: NameInFile;
}

/** Why a schema's table cannot be scored in SQL, or null when it can. */
export function sqlUnsupported(schema: Schema): string | null {
  const id = idColumn(schema);
  return id.synthetic
    ? "the file has no ID column (customers are named by their line, which a database table does not have)"
    : null;
}

/** The table as the schema describes it, under the input file's column names. */
export function sqlTable(schema: Schema, nameInFile: NameInFile = (name) => name): SqlTable {
  const unsupported = sqlUnsupported(schema);
  if (unsupported) throw new Error(`model.sql: ${unsupported}`);
  return { id: idColumn(schema).name, columns: featureColumns(schema), blankTokens: schema.blankTokens, nameInFile };
}
