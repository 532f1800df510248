// What model.sql needs to know about the customers table besides the model: which column is the ID, the
// columns the Score page checks and the encoder reads (with their kinds, ranges and spellings), the cell
// texts that mean blank, and each column's name as the input file spells it.
import { FEATURE_COLUMNS, ID_COLUMN, type CategoryColumn, type NumericColumn } from "../../src/lib/data/schema.js";
import type { NameInFile } from "./names-in-file.js";

export interface SqlTable {
  /** The ID column's schema name. */
  readonly id: string;
  /** Every feature column of the schema, in schema order: the Score page checks them all. */
  readonly columns: readonly (NumericColumn | CategoryColumn)[];
  /** Cell texts read as blank besides empty ones (compared in lower case). */
  readonly blankTokens: readonly string[];
  readonly nameInFile: NameInFile;
}

/** The table the Score page validates uploads against (the schema), under the input file's column names. */
export function scoringTable(nameInFile: NameInFile = (name) => name): SqlTable {
  return { id: ID_COLUMN, columns: FEATURE_COLUMNS, blankTokens: [], nameInFile };
}
