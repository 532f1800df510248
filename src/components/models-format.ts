// The Models page's figures and names in the page's language: three-decimal figures, thresholds, intervals,
// costs, all through the locale's formatters (no Intl, so the build machine cannot change the text), and the
// artifact's model names as the language's table writes them, so every chart, table and sentence uses one name.
import type { Formatters } from "../i18n/format.js";
import type { Lang } from "../i18n/lang.js";
import type { ModelsStrings } from "../i18n/models-strings.js";
import { pageText } from "../i18n/tables.js";
import type { IntervalFigure, MeanSdFigure, ModelsArtifact } from "../lib/models/artifact.js";
import type { Interval } from "../lib/metrics/bootstrap.js";
import { formatNumber } from "../lib/stats/format.js";

export interface ModelsFormat {
  readonly lang: Lang;
  readonly t: ModelsStrings;
  readonly f: Formatters;
  /** A figure to three decimals: "0.534"; what cannot be computed reads as the language's "n/a". */
  f3(x: number | null | undefined): string;
  /** A threshold to four decimals, or the language's "flag nobody". */
  threshold(t: number | null): string;
  /** "0.534 ± 0.044". */
  meanSd(figure: MeanSdFigure): string;
  /** "0.534 (0.467–0.609)". */
  interval(figure: IntervalFigure | Interval): string;
  /** "16.8% (14.2%–19.5%)". */
  pctInterval(figure: Interval): string;
  percent(rate: number, decimals?: number): string;
  count(n: number): string;
  /** A figure with up to `decimals` decimals and no trailing zeros: 10, 0.5, 1,561.3. */
  value(x: number, decimals?: number): string;
  /** A cost with exactly `digits` decimals. */
  money(x: number, digits?: number): string;
}

export function modelsFormat(lang: Lang = "en"): ModelsFormat {
  const { s, f } = pageText(lang);
  const t = s.models;
  const finite = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);
  const f3 = (x: number | null | undefined): string => (finite(x) ? formatNumber(x, 3) : t.notAvailable);
  const percent = (rate: number, decimals = 1): string =>
    Number.isNaN(rate) ? t.notAvailable : f.percent(rate, decimals);
  return {
    lang,
    t,
    f,
    f3,
    threshold: (x) => (finite(x) ? formatNumber(x, 4) : t.flagNobody),
    meanSd: (m) => `${f3(m.mean)} ± ${f3(m.sd)}`,
    interval: (i) => t.withInterval(f3(i.estimate), t.range(f3(i.lo), f3(i.hi))),
    pctInterval: (i) => t.withInterval(percent(i.estimate), t.range(percent(i.lo), percent(i.hi))),
    percent,
    count: (n) => f.count(n),
    value: (x, decimals = 3) =>
      finite(x)
        ? formatNumber(x, decimals)
            .replace(/(\.\d*?)0+$/, "$1")
            .replace(/\.$/, "")
        : t.notAvailable,
    money: (x, digits = 2) => (finite(x) ? formatNumber(x, digits) : t.notAvailable),
  };
}

/**
 * The artifact with its models named in the page's language (English: the artifact's own names). Charts colour and order
 * models by name, the curve checkboxes list names, and the sentences name them: renaming once here keeps them
 * all the same.
 */
export function localArtifact(artifact: ModelsArtifact, lang: Lang = "en"): ModelsArtifact {
  const t = pageText(lang).s.models;
  const original = artifact.originalProtocol;
  return {
    ...artifact,
    models: artifact.models.map((m) => ({ ...m, name: t.modelName(m.id, m.name) })),
    originalProtocol: original
      ? { ...original, models: original.models.map((m) => ({ ...m, name: t.modelName(m.id, m.name) })) }
      : null,
  };
}
