// 한국어: the words both Korean tables use when they report a test (ko.ts for the preset's claims,
// ko-anytable.ts for any table's): the size of an effect, the p-value clause and the degrees of freedom.
import { describeD } from "../lib/stats/tests.js";
import type { Formatters } from "./format.js";

export const MAGNITUDE: Record<ReturnType<typeof describeD>, string> = {
  negligible: "무시할 만한 수준",
  small: "작은 편",
  medium: "중간 정도",
  large: "큰 편",
  undefined: "정의되지 않음",
};

/** "p = 0.003", or "p < 0.001" as the formatter writes a very small p. */
export function pClause(f: Formatters, p: number, logP: number): string {
  const text = f.p(p, { logP });
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/** Degrees of freedom: whole for the chi-square, one decimal for Welch's. */
export const df = (f: Formatters, x: number): string => (Number.isInteger(x) ? f.count(x) : f.number(x, 1));
