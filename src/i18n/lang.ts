// The report's languages. English is the source every other language is checked against; each language is
// one string table (en.ts, ko.ts) listed in tables.ts. A page's language is in its path: English pages at the
// root, every other language in a folder named by its code ("/models", "/ko/models").

export const LANGUAGES = ["en", "ko"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const SOURCE_LANGUAGE: Lang = "en";

export function isLang(code: string): code is Lang {
  return (LANGUAGES as readonly string[]).includes(code);
}

/** The language of a page path: "/ko/models", "/ko/" and "/base/ko/models" → "ko"; "/models", "/" → "en". */
export function langOfPath(pathname: string): Lang {
  const segments = pathname.split("/");
  const folder = segments.length >= 3 ? segments[segments.length - 2] : "";
  return isLang(folder) ? folder : SOURCE_LANGUAGE;
}

/** The same page in another language: ("/models", "ko") → "/ko/models"; ("/ko/", "en") → "/". */
export function pathInLanguage(pathname: string, target: Lang): string {
  const segments = pathname.split("/");
  const page = segments.pop() ?? "";
  if (langOfPath(pathname) !== SOURCE_LANGUAGE) segments.pop();
  if (target !== SOURCE_LANGUAGE) segments.push(target);
  const name = page === "index" ? "" : page;
  return [...segments, name].join("/") || "/";
}
