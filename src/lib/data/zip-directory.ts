// The table of contents of a zip archive (an .xlsx workbook is one), read from its central directory
// without inflating anything: which parts it has, and how large each says it is once unpacked. That is how
// a workbook that would inflate to gigabytes is refused before a reader starts on it. Browser-safe.
import { InputError } from "./errors.js";
import { described, type ZipDamage } from "./issue-detail.js";
import { MAX_WORKBOOK_INFLATED_BYTES } from "./limits.js";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated (what .xlsx writers use). */
  readonly method: number;
  readonly compressedSize: number;
  /** The unpacked size the archive declares. */
  readonly size: number;
  /** Where the entry's local header starts. */
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(at: number, length: number): boolean {
    return at >= 0 && at + length <= this.bytes.length;
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    // Sizes beyond 2^53 are not real files; Number keeps them large enough to be refused.
    return this.view.getUint32(at, true) + this.view.getUint32(at + 4, true) * 2 ** 32;
  }
}

function broken(file: string, why: ZipDamage): InputError {
  return InputError.fileProblem(file, described({ code: "zipBroken", why }));
}

/** The archive's entries as its central directory lists them. Throws InputError when it is not a readable zip. */
export function readZipDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const r = new Reader(bytes);
  // The end record is the last 22 bytes, unless a comment (up to 65,535 bytes) follows it.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (r.u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken(file, { kind: "noEnd" });
  let count = r.u16(end + 10);
  let offset = r.u32(end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && r.has(end - 20, 20) && r.u32(end - 20) === ZIP64_LOCATOR) {
    const at = r.u64(end - 20 + 8);
    if (!r.has(at, 56) || r.u32(at) !== ZIP64_EOCD) throw broken(file, { kind: "zip64" });
    count = r.u64(at + 32);
    offset = r.u64(at + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (!r.has(at, 46) || r.u32(at) !== CENTRAL) throw broken(file, { kind: "directory" });
    const method = r.u16(at + 10);
    let compressedSize = r.u32(at + 20);
    let size = r.u32(at + 24);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    let localOffset = r.u32(at + 42);
    if (!r.has(at + 46, nameLength + extraLength)) throw broken(file, { kind: "directory" });
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64: the fields that read 0xffffffff are in the extra field 0x0001, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = r.u16(e);
      const length = r.u16(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        const next = (): number => {
          const value = p + 8 <= e + 4 + length ? r.u64(p) : 0xffffffff;
          p += 8;
          return value;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + length;
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes as stored (still deflated when method is 8). */
export function entryData(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const r = new Reader(bytes);
  const at = entry.localOffset;
  if (!r.has(at, 30) || r.u32(at) !== LOCAL) throw broken(file, { kind: "entry", entry: entry.name });
  const start = at + 30 + r.u16(at + 26) + r.u16(at + 28);
  if (!r.has(start, entry.compressedSize)) throw broken(file, { kind: "entryCut", entry: entry.name });
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Refuses a workbook whose parts declare more than MAX_WORKBOOK_INFLATED_BYTES unpacked, before anything is
 * inflated. (The pipeline then checks that no part unpacks to more than it declares: see
 * pipeline/input/workbook-inflated-size.ts.)
 */
export function checkDeclaredSize(entries: readonly ZipEntry[], file: string): void {
  let total = 0;
  let largest: ZipEntry | null = null;
  for (const entry of entries) {
    total += entry.size;
    if (!largest || entry.size > largest.size) largest = entry;
  }
  if (total > MAX_WORKBOOK_INFLATED_BYTES && largest) {
    throw InputError.fileProblem(
      file,
      described({
        code: "workbookTooLarge",
        total,
        largest: largest.name,
        largestSize: largest.size,
        max: MAX_WORKBOOK_INFLATED_BYTES,
      }),
    );
  }
}
