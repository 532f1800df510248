// English words for the facts in wording-strings.ts; each equals what the artifacts and files say in English.
import type { WordingStrings } from "./wording-strings.js";
import { BLANK_VALUE } from "../lib/scoring/score.js";
import { ENGLISH_DOWNLOAD_WORDS } from "../lib/scoring/rows.js";

export const enWording: WordingStrings = {
  blankValue: BLANK_VALUE,
  download: ENGLISH_DOWNLOAD_WORDS,
  // The English Score page has always named the policy by its code ("the best-f1 policy").
  policyName: (policy) => policy,
};
