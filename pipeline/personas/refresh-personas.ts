// A pipeline run is cached whole by its content key, personas.json included, and a card that fell back to
// the rules because Gemini failed (a 429, a timeout) stayed frozen in that cache for every later build. So a
// build that reuses a run asks Gemini again for the cards that fell back, and rewrites personas.json in the
// run's folder: the answers that came the first time are in Gemini's own answer cache and cost nothing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serialiseArtifact } from "../artifacts.js";
import type { Log } from "../pipeline.js";
import type { PipelineSettings } from "../settings.js";
import { writeFileAtomic } from "../write-atomic.js";
import type { PersonasArtifact } from "../../src/lib/personas/card.js";
import { CARD_LANGUAGES, type CardLang } from "../../src/lib/personas/prompt.js";
import type { SegmentsArtifact } from "../../src/lib/segments/artifact.js";
import { geminiEnv, toPersonasArtifact, writePersonas } from "./gemini-build.js";

/** Each language's personas artifact (personas.json in English, personas-<lang>.json in another). */
const PERSONA_FILES: readonly { readonly lang: CardLang; readonly file: string }[] = CARD_LANGUAGES.map((lang) => ({
  lang,
  file: lang === "en" ? "personas.json" : `personas-${lang}.json`,
}));

/** Asks again for the cards of a cached run that fell back after a Gemini failure. True if it asked. */
export async function refreshFailedPersonas(
  runDir: string,
  settings: PipelineSettings,
  log: Log,
  cacheDir: string,
): Promise<boolean> {
  const segmentsPath = join(runDir, "segments.json");
  if (settings.gemini.apiKey === null || !existsSync(segmentsPath)) return false;
  let asked = false;
  for (const { lang, file } of PERSONA_FILES) {
    const personasPath = join(runDir, file);
    if (!existsSync(personasPath)) continue;
    const personas = JSON.parse(readFileSync(personasPath, "utf-8")) as PersonasArtifact;
    if (personas.fallbacks.length === 0) continue;
    const segments = JSON.parse(readFileSync(segmentsPath, "utf-8")) as SegmentsArtifact;
    const tag = lang === "en" ? "personas" : `personas (${lang})`;
    log(`${tag}: ${personas.fallbacks.length} of the cached run's cards fell back to the rules; asking again`);
    const result = await writePersonas({
      profiles: segments.clusters,
      base: segments.base,
      axes: segments.columns,
      lang,
      env: geminiEnv(settings),
      cacheDir,
      log,
    });
    writeFileAtomic(personasPath, serialiseArtifact(toPersonasArtifact(result)));
    asked = true;
  }
  return asked;
}
