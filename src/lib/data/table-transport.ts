// A ChurnTable in the form that crosses postMessage quickly. Structured clone copies every string on its
// own, and an upload's category columns are mostly the same few values, copied again for every row. Here
// each category column is a code per row and its distinct values once; typed arrays clone as one block each.
import { keyedRecord } from "./keyed-record.js";
import type { ChurnTable } from "./table.js";

export interface PackedColumn {
  /** Per row: 0 for a blank, else 1 + the index of the row's value in `values`. */
  readonly codes: Uint16Array | Uint32Array;
  readonly values: readonly string[];
}

export type PackedTable = Omit<ChurnTable, "category"> & { readonly category: Readonly<Record<string, PackedColumn>> };

export function packColumn(column: readonly (string | null)[]): PackedColumn {
  const index = new Map<string, number>();
  const values: string[] = [];
  const codes = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === null) continue;
    let code = index.get(v);
    if (code === undefined) {
      code = values.length + 1;
      index.set(v, code);
      values.push(v);
    }
    codes[i] = code;
  }
  return { codes: values.length < 0xffff ? Uint16Array.from(codes) : codes, values };
}

export function unpackColumn(packed: PackedColumn): (string | null)[] {
  const { codes, values } = packed;
  const out = new Array<string | null>(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] === 0 ? null : values[codes[i] - 1];
  return out;
}

export function packTable(table: ChurnTable): PackedTable {
  const category = keyedRecord<PackedColumn>();
  for (const [name, column] of Object.entries(table.category)) category[name] = packColumn(column);
  return { ...table, category };
}

export function unpackTable(packed: PackedTable): ChurnTable {
  const category = keyedRecord<(string | null)[]>();
  for (const [name, column] of Object.entries(packed.category)) category[name] = unpackColumn(column);
  // Columns are named by the file (an inferred schema's too); structured clone gave them a prototype back (see keyed-record.ts).
  const numeric = Object.assign(keyedRecord<Float64Array>(), packed.numeric);
  return { ...packed, numeric, category, extra: Object.assign(keyedRecord<readonly string[]>(), packed.extra) };
}
