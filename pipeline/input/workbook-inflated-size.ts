// A workbook whose parts unpack to more than their table of contents declares. checkDeclaredSize trusts the
// declared sizes, and read-excel-file inflates every part whole: a crafted archive that declares a few bytes
// and inflates to gigabytes (deflate reaches about 1000 to 1) would take the process down instead of getting
// an error. So each part is inflated here first with the declared size as a hard cap, which zlib enforces
// while it inflates, and the memory used stays within what checkDeclaredSize has already accepted.
import { inflateRawSync } from "node:zlib";
import { InputError } from "../../src/lib/data/errors.js";
import { entryData, type ZipEntry } from "../../src/lib/data/zip-directory.js";

function lies(file: string, entry: ZipEntry): InputError {
  return InputError.fileProblem(
    file,
    `is a zip archive but could not be read as an .xlsx workbook (part ${JSON.stringify(entry.name)} unpacks to ` +
      `more than the ${entry.size} bytes its table of contents declares: the archive is damaged or crafted)`,
  );
}

/** Throws InputError naming the first part that unpacks to more than it declares. */
export function checkInflatedSizes(bytes: Uint8Array, entries: readonly ZipEntry[], file: string): void {
  for (const entry of entries) {
    const data = entryData(bytes, entry, file);
    if (entry.method === 0) {
      if (data.length > entry.size) throw lies(file, entry);
      continue;
    }
    if (entry.method !== 8) continue; // the reader names a method it cannot unpack
    try {
      // maxOutputLength must be at least 1; an empty part that inflates to a byte or more still fails below.
      const unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      if (unpacked.length > entry.size) throw lies(file, entry);
    } catch (error) {
      if (error instanceof InputError) throw error;
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw lies(file, entry);
      // Damaged deflate data: read-excel-file reports it in its own words.
    }
  }
}
