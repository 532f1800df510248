// One wording for every way a run can fail, shared by the CLI, the build script and the data loaders:
// input and settings problems are the user's to fix and print as they are; anything else is our bug and
// keeps its stack.
import { InputError } from "../src/lib/data/errors.js";
import { SettingsError } from "./settings.js";

export function describeFailure(error: unknown): string {
  if (error instanceof InputError || error instanceof SettingsError) return `error: ${error.message}`;
  if (error instanceof Error) return `unexpected error: ${error.stack ?? error.message}`;
  return `unexpected error: ${String(error)}`;
}
