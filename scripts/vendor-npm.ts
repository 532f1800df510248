// Serves the browser libraries the pages use (Plot, d3, Inputs, htl, …) from our own node_modules instead of
// a CDN. Observable Framework resolves `npm:` imports by looking for
// `src/.observablehq/cache/_npm/<name>@<version>/_esm.js` and fetches only when that file is missing, so
// writing single-file ESM bundles there, at the versions pinned in package-lock.json, makes the build and
// every page work with no network. Run before every build and preview (scripts/build.ts, scripts/dev.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every library the pages import with `npm:`, explicitly or through Framework's implicit imports. */
export const VENDORED = ["@observablehq/plot", "@observablehq/inputs", "d3", "d3-dsv", "htl", "isoformat"] as const;

function installedVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf-8")) as {
    version: string;
  };
  return manifest.version;
}

export async function vendorNpm(log: (line: string) => void = () => {}): Promise<string[]> {
  const written: string[] = [];
  for (const name of VENDORED) {
    const version = installedVersion(name);
    const outfile = join(root, "src", ".observablehq", "cache", "_npm", `${name}@${version}`, "_esm.js");
    if (existsSync(outfile)) continue;
    mkdirSync(dirname(outfile), { recursive: true });
    // jsDelivr's +esm modules export the namespace and a default; match both (default is undefined when the
    // package has none, as on the CDN).
    const spec = JSON.stringify(name);
    const entry = `import * as ns from ${spec};\nexport * from ${spec};\nexport default ns.default;\n`;
    const result = await build({
      stdin: { contents: entry, resolveDir: root, loader: "js" },
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "inline",
      write: false,
      logLevel: "silent",
    });
    writeFileSync(outfile, result.outputFiles[0].contents);
    written.push(`${name}@${version}`);
    log(`vendored npm:${name}@${version}`);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await vendorNpm((line) => process.stderr.write(line + "\n"));
}
