// What the workbook reader turns into blanks without a word: a formula cell whose file holds no computed
// value (written by a script, not a spreadsheet application, or an error such as #DIV/0!), and the cells a
// merged range covers beyond its first. read-excel-file reads both as empty, so the pipeline reads the data
// sheet's XML itself and reports them. Only the zip's central directory and the one sheet are read.
import { inflateRawSync } from "node:zlib";
import type { NoteDetail } from "../../src/lib/data/issue-detail.js";
import { entryData, type ZipEntry } from "../../src/lib/data/zip-directory.js";

/** One part of the archive, unpacked; null when it is absent or cannot be read (the reader has said why already). */
function readPart(bytes: Uint8Array, entries: readonly ZipEntry[], name: string): string | null {
  const entry = entries.find((e) => e.name === name);
  if (!entry) return null;
  try {
    const data = entryData(bytes, entry, name);
    const unpacked = entry.method === 0 ? data : entry.method === 8 ? inflateRawSync(data) : null;
    return unpacked ? new TextDecoder().decode(unpacked) : null;
  } catch {
    return null;
  }
}

const attribute = (tag: string, name: string): string | null =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "",
  );

/** The part holding a sheet, by the sheet's name: workbook.xml names it, its relationships file locates it. */
export function sheetPartName(bytes: Uint8Array, entries: readonly ZipEntry[], sheetName: string): string | null {
  const workbook = readPart(bytes, entries, "xl/workbook.xml");
  const rels = readPart(bytes, entries, "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return null;
  const sheetTag = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => unescapeXml(attribute(tag, "name") ?? "") === sheetName);
  const relId = sheetTag ? /\br:id="([^"]*)"|\bid="([^"]*)"/.exec(sheetTag) : null;
  const id = relId?.[1] ?? relId?.[2];
  if (!id) return null;
  const relTag = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attribute(tag, "Id") === id);
  const target = relTag ? attribute(relTag, "Target") : null;
  if (!target) return null;
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

export interface SheetCellFindings {
  /** References of formula cells with no stored value, in sheet order. */
  readonly formulasWithoutValue: readonly string[];
  /** Merged ranges ("A10:A12"). */
  readonly merged: readonly string[];
}

const rowOf = (ref: string): number => Number(/\d+/.exec(ref)?.[0] ?? 0);

/** Scans a sheet's XML for formula cells without a value and merged ranges reaching row `fromRow` or below. */
export function scanSheetXml(xml: string, fromRow: number): SheetCellFindings {
  const formulasWithoutValue: string[] = [];
  for (const cell of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const body = cell[2] ?? "";
    if (!/<f\b/.test(body)) continue;
    const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? /<is>[\s\S]*?<\/is>/.exec(body)?.[0];
    const isError = /\bt="e"/.test(cell[1]);
    if (value !== undefined && value !== "" && !isError) continue;
    const ref = attribute(cell[1], "r");
    if (ref && rowOf(ref) >= fromRow) formulasWithoutValue.push(ref);
  }
  const merged: string[] = [];
  for (const range of xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    const [, end = range[1]] = range[1].split(":");
    if (rowOf(end) >= fromRow) merged.push(range[1]);
  }
  return { formulasWithoutValue, merged };
}

/** The notes for the table, as data; none when the sheet has neither. */
export function describeFindings(sheet: string, findings: SheetCellFindings): NoteDetail[] {
  const notes: NoteDetail[] = [];
  if (findings.formulasWithoutValue.length > 0)
    notes.push({ code: "formulaCells", sheet, cells: findings.formulasWithoutValue });
  if (findings.merged.length > 0) notes.push({ code: "mergedRanges", sheet, ranges: findings.merged });
  return notes;
}

/** The notes on the data sheet's formula and merged cells, from the header row down. */
export function workbookCellNotes(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  sheet: string,
  headerRow: number,
): NoteDetail[] {
  const part = sheetPartName(bytes, entries, sheet);
  const xml = part ? readPart(bytes, entries, part) : null;
  return xml ? describeFindings(sheet, scanSheetXml(xml, headerRow)) : [];
}
