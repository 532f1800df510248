// One meaning, one spelling: the data writes the same category several ways ("Phone" and "Mobile Phone",
// "CC" and "Credit Card"). Counting what was mapped lets the report show every change it made to the data.
import type { CategoryColumn } from "./schema.js";

export interface NormalisedValue {
  readonly column: string;
  /** The spelling in the file. */
  readonly from: string;
  /** The canonical value it was mapped to. */
  readonly to: string;
  readonly count: number;
  /** "variant": a known alternative spelling; "case": the canonical value in other letter case or spacing. */
  readonly reason: "variant" | "case";
}

export interface CategoryMatch {
  readonly value: string;
  readonly reason: "exact" | "variant" | "case";
}

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, " ");

/** Lookup of every accepted spelling for one column (exact first, then case- and spacing-insensitive). */
export class CategoryNormaliser {
  readonly spec: CategoryColumn;
  private readonly exact = new Map<string, CategoryMatch>();
  private readonly loose = new Map<string, CategoryMatch>();
  private readonly counts = new Map<string, { to: string; reason: "variant" | "case"; count: number }>();

  constructor(spec: CategoryColumn) {
    this.spec = spec;
    for (const value of spec.values) {
      this.exact.set(value, { value, reason: "exact" });
      this.loose.set(squash(value), { value, reason: "case" });
    }
    for (const [variant, canonical] of Object.entries(spec.variants)) {
      this.exact.set(variant, { value: canonical, reason: "variant" });
      if (!this.loose.has(squash(variant))) this.loose.set(squash(variant), { value: canonical, reason: "variant" });
    }
  }

  /** The canonical value for a trimmed, non-blank cell, or null when the spelling is unknown. Counts mappings. */
  normalise(text: string): string | null {
    const match = this.exact.get(text) ?? this.loose.get(squash(text));
    if (!match) return null;
    if (match.reason !== "exact") {
      const entry = this.counts.get(text);
      if (entry) entry.count++;
      else this.counts.set(text, { to: match.value, reason: match.reason, count: 1 });
    }
    return match.value;
  }

  /** Mappings made so far, most frequent first (ties by spelling, so the order is stable). */
  report(): NormalisedValue[] {
    return [...this.counts.entries()]
      .map(([from, { to, reason, count }]) => ({ column: this.spec.name, from, to, count, reason }))
      .sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }
}

/** Canonical value of one spelling, without counting (for single values, e.g. a form field). */
export function canonicalCategory(spec: CategoryColumn, text: string): string | null {
  return new CategoryNormaliser(spec).normalise(text.trim());
}
