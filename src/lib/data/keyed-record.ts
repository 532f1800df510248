// Objects keyed by names that come from a file (column names, data-dictionary entries). A plain object
// treats some names as its own machinery: `o["__proto__"] = x` replaces the prototype instead of storing x,
// and `"toString" in o` is true before anything is stored. An object without a prototype has no such names.

/** An empty object with no prototype, for use as a map from file-given names. */
export function keyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Whether `name` is stored in `record` itself (never through a prototype). */
export function hasKey(record: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, name);
}
