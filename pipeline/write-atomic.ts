// Write then rename: whoever reads the file (Framework, a later build, the user) finds the old content or the
// whole new one, never half a file from a process killed mid-write. The temporary name carries the process id,
// so two builds writing the same path do not share a temporary file.
import { renameSync, writeFileSync } from "node:fs";

export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
