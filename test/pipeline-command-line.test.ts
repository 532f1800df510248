import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCommandLine, type CommandLineIo } from "../pipeline/command-line.js";

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function run(args: string[]): { lines: string[]; code: number | null; values?: Record<string, unknown> } {
  const lines: string[] = [];
  const io: CommandLineIo = {
    args,
    log: (line) => lines.push(line),
    exit: (code) => {
      throw new Exit(code);
    },
  };
  try {
    const { values, usageError } = parseCommandLine(
      { options: { out: { type: "string" }, help: { type: "boolean", short: "h" } } },
      "usage: cmd --out DIR",
      io,
    );
    if (values.out === "here") usageError("--out here is not allowed");
    return { lines, code: null, values: { ...values } };
  } catch (error) {
    if (error instanceof Exit) return { lines, code: error.code };
    throw error;
  }
}

describe("parseCommandLine", () => {
  it("returns the parsed values", () => {
    assert.deepEqual(run(["--out", "dir"]), { lines: [], code: null, values: { out: "dir" } });
  });
  it("prints the usage and exits 0 on --help or -h", () => {
    assert.deepEqual(run(["--help"]), { lines: ["usage: cmd --out DIR"], code: 0 });
    assert.deepEqual(run(["-h"]), { lines: ["usage: cmd --out DIR"], code: 0 });
  });
  it("prints an unknown option or a refused value with the usage and exits 2", () => {
    const unknown = run(["--outt", "dir"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.lines[0], /^error: Unknown option '--outt'.*\n\nusage: cmd --out DIR$/s);
    assert.deepEqual(run(["--out", "here"]), {
      lines: ["error: --out here is not allowed\n\nusage: cmd --out DIR"],
      code: 2,
    });
  });
});
