// The few places where the SQL engines model.sql targets disagree: how an identifier and a text literal are
// quoted. Everything else the generator writes (WITH, CASE, COALESCE, EXP, FLOOR, TRIM, LOWER, REPLACE,
// COUNT(*) OVER) is read alike by DuckDB, PostgreSQL, BigQuery and Spark SQL.
//   standard: "double quotes" for names, 'it''s' for text (DuckDB, PostgreSQL; Spark SQL with
//             spark.sql.ansi.doubleQuotedIdentifiers=true).
//   bigquery: `backticks` for names, backslash escapes in text (BigQuery reads '' as two literals).
//   spark:    `backticks` for names (a backtick doubled), backslash escapes in text.
// Numbers are the same everywhere: written with an exponent (2.5e0), which DuckDB and Spark read as a double
// (2.5 alone would be a DECIMAL there), BigQuery as FLOAT64 and PostgreSQL as an exact numeric, and always the
// shortest text that reads back as the same double, so a split value or a leaf value is the model's own.

export const SQL_DIALECTS = ["standard", "bigquery", "spark"] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

export function isSqlDialect(text: string): text is SqlDialect {
  return (SQL_DIALECTS as readonly string[]).includes(text);
}

export function quoteIdentifier(dialect: SqlDialect, name: string): string {
  switch (dialect) {
    case "standard":
      return `"${name.replace(/"/g, '""')}"`;
    case "bigquery":
      return `\`${name.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``;
    case "spark":
      return `\`${name.replace(/`/g, "``")}\``;
  }
}

const BACKSLASH_ESCAPES: Record<string, string> = { "\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function quoteText(dialect: SqlDialect, text: string): string {
  if (dialect === "standard") return `'${text.replace(/'/g, "''")}'`;
  return `'${text.replace(/[\\'\n\r\t]/g, (c) => BACKSLASH_ESCAPES[c])}'`;
}

/**
 * A finite double as the shortest literal every dialect reads back as that double: the shorter of the plain
 * and the exponent form (0.0065 as 6.5e-3; 2.5 as 2.5e0). A negative one is in parentheses, so that it can
 * follow an operator without making "--" (a comment), unless `bare` (a CASE branch's value, after THEN/ELSE).
 */
export function numberLiteral(x: number, bare = false): string {
  if (!Number.isFinite(x)) throw new Error(`model.sql: cannot write ${x} as a SQL number`);
  const value = x === 0 ? 0 : x;
  const plain = String(value);
  const candidates = [/e/.test(plain) ? plain : `${plain}e0`, value.toExponential().replace("e+", "e")];
  const text = candidates.reduce((a, b) => (b.length < a.length ? b : a));
  return value < 0 && !bare ? `(${text})` : text;
}

/**
 * A split value, compared with a double: a short decimal (15 significant digits or fewer) may stay plain
 * (2.5), which DuckDB and Spark read as a DECIMAL and convert exactly to the double it names (both its digits
 * and the power of ten are exact doubles, so one correctly rounded division), saving two characters a split:
 * the deployed model's SQL stays under BigQuery's limit on a query's length. Longer ones as numberLiteral.
 */
export function comparisonLiteral(x: number): string {
  const plain = String(x === 0 ? 0 : x);
  const digits = plain.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  return /^-?\d+(\.\d+)?$/.test(plain) && digits.length <= 15 && !plain.startsWith("-") ? plain : numberLiteral(x);
}

/** Text safe inside a `--` comment: no line breaks or other control characters. */
export function commentText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    out += code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? " " : ch;
  }
  return out;
}
