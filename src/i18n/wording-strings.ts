// Words for facts that artifacts and computed results carry as data (a missing cell, a failure's code, a
// threshold policy, a CSV's headers), so each language says them its own way while the English artifacts and
// files keep their bytes. One table per language (en-wording.ts, ko-wording.ts), chosen by wording(lang).
import type { Lang } from "./lang.js";
import type { DownloadWords } from "../lib/scoring/rows.js";
import { enWording } from "./en-wording.js";
import { koWording } from "./ko-wording.js";

export interface WordingStrings {
  /** A missing cell inside a reason: "Tenure = blank". */
  readonly blankValue: string;
  /** The Score page's downloads: their own columns' headers and the high-risk flag's yes and no. */
  readonly download: DownloadWords;
  /** A threshold policy as the model bundle names it ("best-f1"), in a sentence. */
  policyName(policy: string): string;
}

const TABLES: Record<Lang, WordingStrings> = { en: enWording, ko: koWording };

export function wording(lang: Lang): WordingStrings {
  return TABLES[lang];
}
