// Parameter records as JSON-safe provenance (JSON has no Infinity; "no limit" is written as null).

export function paramsInfo(params: object): Record<string, number | string | boolean | null> {
  const out: Record<string, number | string | boolean | null> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "number") out[k] = Number.isFinite(v) ? v : null;
    else if (typeof v === "string" || typeof v === "boolean") out[k] = v;
  }
  return out;
}
