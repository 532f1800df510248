// Numbers, percentages, intervals and dates as each language writes them. Built on stats/format (no Intl),
// so the build machine's locale cannot change the text and the same run gives the same bytes.
import { formatNumber, formatP, type PFormatOptions } from "../lib/stats/format.js";
import type { Lang } from "./lang.js";

export interface Formatters {
  readonly lang: Lang;
  /** Fixed decimals with thousands separators: "1,561.3". */
  number(x: number, decimals?: number): string;
  /** A whole count: "5,630". */
  count(n: number): string;
  /** A rate in [0, 1]: "16.8%". */
  percent(rate: number, decimals?: number): string;
  /** A difference of rates: "20.7 points" / "20.7%p". */
  points(difference: number, decimals?: number): string;
  /** An interval of rate differences: "17.8 to 23.6 points" / "17.8~23.6%p". */
  pointsInterval(low: number, high: number, decimals?: number): string;
  /** "0.81 to 0.86" / "0.81~0.86". */
  interval(low: number, high: number, format?: (x: number) => string): string;
  /** An ISO timestamp to the minute, in UTC: "2026-12-02 01:08 UTC" / "2026년 12월 2일 01:08(UTC)". */
  dateTime(iso: string): string;
  /** A p-value without "p =". */
  p(p: number, options?: PFormatOptions): string;
  /** What a value that could not be computed reads as. */
  readonly missing: string;
}

interface LocaleRules {
  readonly points: string;
  readonly intervalJoin: string;
  readonly missing: string;
  dateTime(y: string, m: string, d: string, hm: string): string;
}

const RULES: Record<Lang, LocaleRules> = {
  en: {
    points: " points",
    intervalJoin: " to ",
    missing: "n/a",
    dateTime: (y, m, d, hm) => `${y}-${m}-${d} ${hm} UTC`,
  },
  ko: {
    points: "%p",
    intervalJoin: "~",
    missing: "없음",
    dateTime: (y, m, d, hm) => `${y}년 ${Number(m)}월 ${Number(d)}일 ${hm}(UTC)`,
  },
};

export function formatters(lang: Lang): Formatters {
  const rules = RULES[lang];
  const number = (x: number, decimals = 2): string => (Number.isNaN(x) ? rules.missing : formatNumber(x, decimals));
  return {
    lang,
    number,
    count: (n) => number(n, 0),
    percent: (rate, decimals = 1) => (Number.isNaN(rate) ? rules.missing : `${formatNumber(rate * 100, decimals)}%`),
    points: (difference, decimals = 1) =>
      Number.isNaN(difference) ? rules.missing : `${formatNumber(difference * 100, decimals)}${rules.points}`,
    interval: (low, high, format = (x) => number(x, 2)) => `${format(low)}${rules.intervalJoin}${format(high)}`,
    pointsInterval: (low, high, decimals = 1) =>
      `${number(low * 100, decimals)}${rules.intervalJoin}${number(high * 100, decimals)}${rules.points}`,
    dateTime(iso) {
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
      return m ? rules.dateTime(m[1], m[2], m[3], m[4]) : iso;
    },
    p: (p, options) => (Number.isNaN(p) ? rules.missing : formatP(p, options)),
    missing: rules.missing,
  };
}
