// Korean words for the facts in wording-strings.ts.
import type { WordingStrings } from "./wording-strings.js";

export const koWording: WordingStrings = {
  blankValue: "빈칸",
};
