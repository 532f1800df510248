// The command line of the project's commands (pipeline, score, model-sql): node:util's parseArgs, with
// --help printing the usage (exit 0), and a line it cannot parse, or one the command refuses, printed with
// the usage (exit 2), so that every command treats a wrong command line the same way. Exit 1 is left to
// the commands for failures of the work itself.
import { parseArgs, type ParseArgsConfig } from "node:util";

export interface CommandLine<T extends ParseArgsConfig> {
  readonly values: ReturnType<typeof parseArgs<T>>["values"];
  /** Prints `error: <message>`, a blank line and the usage, and exits 2. */
  usageError(message: string): never;
}

export interface CommandLineIo {
  readonly args?: string[];
  log(line: string): void;
  exit(code: number): never;
}

const processIo: CommandLineIo = {
  log: (line) => process.stderr.write(line + "\n"),
  exit: (code) => process.exit(code),
};

/** Parses the command line; `config.options` should list `help: { type: "boolean", short: "h" }`. */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
  usage: string,
  io: CommandLineIo = processIo,
): CommandLine<T> {
  const usageError = (message: string): never => {
    io.log(`error: ${message}\n\n${usage}`);
    return io.exit(2);
  };
  let values: CommandLine<T>["values"];
  try {
    values = parseArgs<T>(io.args ? { ...config, args: io.args } : config).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
  if ((values as Record<string, unknown>).help === true) {
    io.log(usage);
    return io.exit(0);
  }
  return { values, usageError };
}
