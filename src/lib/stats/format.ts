// Numbers for prose. Deterministic (no Intl, so the build machine's locale cannot change the text) and
// honest about tiny p-values: a p-value is never written as 0, because a test never proves that.

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "-": "⁻",
};
const MINUS = "−";
/** Below this a p-value is written in scientific notation. */
const SCIENTIFIC_BELOW = 0.001;
/** Smallest exponent written when neither p nor ln p can say more. */
const FLOOR_EXPONENT = -300;

export interface PFormatOptions {
  /** ln p, used when p itself underflowed to 0. */
  readonly logP?: number;
  /** "unicode" (2.7 × 10⁻⁷⁸) for pages, "ascii" (2.7e-78) for JSON and logs. */
  readonly style?: "unicode" | "ascii";
}

function scientific(mantissa: string, exponent: number, style: "unicode" | "ascii"): string {
  if (style === "ascii") return `${mantissa}e${exponent}`;
  return `${mantissa} × 10${superscript(exponent)}`;
}

function superscript(exponent: number): string {
  return String(exponent)
    .split("")
    .map((ch) => SUPERSCRIPT[ch] ?? ch)
    .join("");
}

/** Mantissa (2 significant digits) and exponent of 10^log10x, without ever forming x. */
function splitLog10(log10x: number): { mantissa: string; exponent: number } {
  let exponent = Math.floor(log10x);
  let m = Math.pow(10, log10x - exponent);
  if (Number(m.toFixed(1)) >= 10) {
    exponent += 1;
    m /= 10;
  }
  return { mantissa: m.toFixed(1), exponent };
}

/**
 * The p-value as text, without "p =": "0.34", "0.048", "0.0012", "2.7 × 10⁻⁷⁸", "< 10⁻³⁰⁰".
 * Two significant digits; three just around 0.05 so that 0.0496 does not read as "0.050".
 */
export function formatP(p: number, options: PFormatOptions = {}): string {
  const style = options.style ?? "unicode";
  if (Number.isNaN(p)) return "n/a";
  if (p >= 1) return "1";
  if (p >= SCIENTIFIC_BELOW) {
    const digits = p >= 0.045 && p < 0.055 ? 3 : 2;
    return String(Number(p.toPrecision(digits)));
  }
  const logP = options.logP;
  const log10p = p > 0 ? Math.log10(p) : logP !== undefined && Number.isFinite(logP) ? logP / Math.LN10 : NaN;
  if (Number.isNaN(log10p)) return style === "ascii" ? `< 1e${FLOOR_EXPONENT}` : `< 10${superscript(FLOOR_EXPONENT)}`;
  const { mantissa, exponent } = splitLog10(log10p);
  return scientific(mantissa, exponent, style);
}

/** "p = 0.034", "p = 2.7 × 10⁻⁷⁸" or "p < 10⁻³⁰⁰". */
export function pClause(p: number, options: PFormatOptions = {}): string {
  const text = formatP(p, options);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

function group(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Fixed decimals with thousands separators and a typographic minus: formatNumber(-1561.27, 1) → "−1,561.3". */
export function formatNumber(x: number, decimals = 2): string {
  if (Number.isNaN(x)) return "n/a";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : `${MINUS}∞`;
  const fixed = Math.abs(x).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  // "-0.00" would claim a sign the rounded value does not have.
  const negative = x < 0 && Number(fixed) !== 0;
  return `${negative ? MINUS : ""}${group(int)}${frac !== undefined ? `.${frac}` : ""}`;
}

/** A count: "5,630". */
export function formatCount(n: number): string {
  return formatNumber(n, 0);
}

/** A rate in [0, 1] as a percentage: formatPercent(0.16838) → "16.8%". */
export function formatPercent(rate: number, decimals = 1): string {
  return Number.isNaN(rate) ? "n/a" : `${formatNumber(rate * 100, decimals)}%`;
}

/** A difference of rates in percentage points: "20.7 points". */
export function formatPoints(difference: number, decimals = 1): string {
  return Number.isNaN(difference) ? "n/a" : `${formatNumber(difference * 100, decimals)} points`;
}

/** Degrees of freedom: whole numbers as such, Welch's fractional ones to one decimal. */
export function formatDf(df: number): string {
  return Number.isInteger(df) ? formatCount(df) : formatNumber(df, 1);
}

/** "low to high" with the given formatter (ranges read better in prose than brackets). */
export function formatInterval(
  low: number,
  high: number,
  format: (x: number) => string = (x) => formatNumber(x, 2),
): string {
  return `${format(low)} to ${format(high)}`;
}
