// The report's pages in every language but English, written before Framework builds or previews: each
// src/<page>.md that declares `const lang = "en";` becomes src/<lang>/<page>.md with the same code and the
// language's title and headings from its string table (src/i18n). Every sentence the code writes comes
// from that table, so the copy needs nothing else translated. The check fails the build when a table lacks a
// string, or a page's title or heading is not the English table's (so a heading edited in one place only
// cannot ship untranslated).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import slugify from "@sindresorhus/slugify";
import { checkTables } from "../src/i18n/check.js";
import { LANGUAGES, langOfPath, pathInLanguage, SOURCE_LANGUAGE, type Lang } from "../src/i18n/lang.js";
import type { PageId } from "../src/i18n/strings.js";
import { TABLES } from "../src/i18n/tables.js";

export class TranslationError extends Error {}

const LANG_LINE = `const lang = "${SOURCE_LANGUAGE}";`;
const PAGE_IDS: readonly PageId[] = ["index", "data", "eda", "hypotheses", "models", "segments", "score", "changes"];

/** Pages whose code takes its sentences from the string tables (they declare their language). */
export function translatedPages(srcDir: string): PageId[] {
  return PAGE_IDS.filter((id) => {
    const path = join(srcDir, `${id}.md`);
    return existsSync(path) && readFileSync(path, "utf-8").includes(LANG_LINE);
  });
}

/** One page's markdown in another language. */
export function translatePage(id: PageId, markdown: string, lang: Lang, file = `src/${id}.md`): string {
  const source = TABLES[SOURCE_LANGUAGE].pages[id];
  const target = TABLES[lang].pages[id];
  const lines = markdown.split("\n");
  let fence: string | null = null;
  let frontMatter = lines[0] === "---";
  let langLines = 0;
  const out = lines.map((line, i) => {
    const where = `${file}:${i + 1}`;
    if (frontMatter) {
      if (i > 0 && line === "---") frontMatter = false;
      const title = /^title:\s*(.*)$/.exec(line);
      if (title) {
        if (title[1] !== source.title) {
          throw new TranslationError(`${where}: title "${title[1]}" is not pages.${id}.title in src/i18n/en.ts`);
        }
        return `title: ${target.title}`;
      }
      return line;
    }
    const marker = /^(```+|~~~+)/.exec(line);
    if (marker) {
      if (fence === null) fence = marker[1];
      else if (line.startsWith(fence)) fence = null;
      return line;
    }
    if (fence !== null) {
      if (line.trim() === LANG_LINE) {
        langLines++;
        return line.replace(LANG_LINE, `const lang = "${lang}";`);
      }
      // The copy sits one folder down: its imports and attachments reach up to the shared ones.
      return line
        .replace(/(\bfrom\s+|\bimport\s*\(\s*)"\.\//g, '$1"../')
        .replace(/\bFileAttachment\("(?!\/|\.\.\/|\w+:)(?:\.\/)?/g, 'FileAttachment("../');
    }
    const heading = /^(#{1,6})\s+(.+?)\s*$/.exec(line);
    if (heading) {
      const key = Object.keys(source.headings).find((k) => source.headings[k] === heading[2]);
      if (key === undefined) {
        throw new TranslationError(
          `${where}: heading "${heading[2]}" is not in pages.${id}.headings of src/i18n/en.ts ` +
            `(add it there and in every other language's table)`,
        );
      }
      // As raw HTML with the English heading's id, so that anchors (./models#calibration) mean the same in
      // every language (Framework's slugs drop Hangul, leaving ids such as "-1"). Framework adds the heading's
      // own anchor link to a heading with an id; writing one here too nested an empty link around it.
      const level = heading[1].length;
      const anchor = slugify(heading[2]);
      return `<h${level} id="${anchor}">${escapeHtml(target.headings[key])}</h${level}>`;
    }
    return line;
  });
  if (langLines !== 1) {
    throw new TranslationError(`${file}: expected one \`${LANG_LINE}\` line in a code block, found ${langLines}`);
  }
  const end = out.indexOf("---", 1);
  const note = `<!-- Written by scripts/i18n-pages.ts from ${file}: edit that file and src/i18n/${lang}.ts. -->`;
  return [...out.slice(0, end + 1), "", note, ...out.slice(end + 1)].join("\n");
}

/** Checks every table and writes src/<lang>/*.md for every translated page; returns the files written. */
export function writeTranslatedPages(srcDir: string): string[] {
  const problems = checkTables();
  const listed = Object.entries(problems).flatMap(([lang, list]) =>
    (list ?? []).map((p) => `src/i18n/${lang}.ts: ${p}`),
  );
  if (listed.length) throw new TranslationError(`strings missing:\n  ${listed.join("\n  ")}`);
  const written: string[] = [];
  const pages = translatedPages(srcDir);
  for (const lang of LANGUAGES) {
    if (lang === SOURCE_LANGUAGE) continue;
    const dir = join(srcDir, lang);
    mkdirSync(dir, { recursive: true });
    const keep = new Set<string>();
    for (const id of pages) {
      const text = translatePage(id, readFileSync(join(srcDir, `${id}.md`), "utf-8"), lang);
      const path = join(dir, `${id}.md`);
      keep.add(`${id}.md`);
      if (!existsSync(path) || readFileSync(path, "utf-8") !== text) writeFileSync(path, text);
      written.push(path);
    }
    for (const name of readdirSync(dir)) {
      if (name.endsWith(".md") && !keep.has(name)) rmSync(join(dir, name));
    }
  }
  return written;
}

/** Pages already written in `lang` (what the sidebar and the switch may link to). */
function writtenPages(srcDir: string, lang: Lang): PageId[] {
  return PAGE_IDS.filter((id) => existsSync(join(srcDir, lang, `${id}.md`)));
}

/** The sidebar's pages for Framework's config: the English ones, then each other language's translated ones. */
export function sidebarPages(
  srcDir: string,
  english: readonly { name: string; path: string }[],
): (
  | { name: string; path: string }
  | { name: string; pager: string; open: boolean; pages: { name: string; path: string }[] }
)[] {
  const sections = LANGUAGES.filter((lang) => lang !== SOURCE_LANGUAGE && writtenPages(srcDir, lang).length > 0).map(
    (lang) => ({
      name: TABLES[lang].common.languageName,
      pager: lang,
      open: false,
      pages: writtenPages(srcDir, lang).map((id) => ({
        name: TABLES[lang].pages[id].title,
        path: id === "index" ? `/${lang}/` : `/${lang}/${id}`,
      })),
    }),
  );
  return [...english, ...sections];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The language switch in every translated page's header: a link to the same page in each other language
 * (Framework's page path: "/data", "/index", "/ko/data"). Pages not yet translated get no switch.
 */
export function languageSwitch(srcDir: string, path: string): string | null {
  const id = path.split("/").pop() ?? "";
  const current = langOfPath(path);
  const others = LANGUAGES.filter(
    (lang) =>
      lang !== current && (writtenPages(srcDir, lang === SOURCE_LANGUAGE ? current : lang) as string[]).includes(id),
  );
  if (others.length === 0) return null;
  const links = others.map((lang) => {
    const t = TABLES[lang].common;
    return (
      `<a class="lang-switch" href="${escapeHtml(pathInLanguage(path, lang))}" hreflang="${lang}" lang="${lang}" ` +
      `title="${escapeHtml(t.switchLabel)}">${escapeHtml(t.languageName)}</a>`
    );
  });
  return `<nav class="lang-switch-bar" style="display: flex; justify-content: flex-end" aria-label="${escapeHtml(TABLES[current].common.languageSwitchName)}">${links.join(" · ")}</nav>`;
}
