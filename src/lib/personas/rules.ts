// The rules persona writer: always available, deterministic (same profile, same text), the fallback for
// every Gemini failure and the text the tests pin down. It states the numbers it reasons from, so a reader
// can check each sentence against the profile table on the segments page.

import { RFM_COLUMNS, type RfmColumns } from "../segments/rfm.js";
import type { ClusterProfile, BaseProfile, DistinctiveFeature } from "../segments/types.js";
import { CARD_LIMITS, type CardText, type PersonaCard, type Priority } from "./card.js";
import { formatCount, formatMean, formatPercent, formatRatio, splitFeature } from "./format.js";
import type { CardLang } from "./prompt.js";
import { rulesEn } from "./rules-en.js";
import { rulesKo } from "./rules-ko.js";
import type { RulesWords } from "./rules-words.js";

/** Each language's sentences; the decisions below are the same in all of them. */
const WORDS: Readonly<Record<CardLang, RulesWords>> = { en: rulesEn, ko: rulesKo };

/** Below this |standardised difference| a feature is noise for wording purposes. */
const NOTABLE_SD = 0.3;

export interface RiskFigures {
  /** Cluster churn rate over the base's (1 when the base has no churn to compare with). */
  readonly ratio: number;
  /** The cluster's share of all churners in the base. */
  readonly churnerShare: number;
  /** Mean predicted probability over the base's churn rate, or null without a model. */
  readonly predictedRatio: number | null;
}

export function riskFigures(profile: ClusterProfile, base: BaseProfile): RiskFigures {
  const baseRate = base.churnRate;
  const ratio = baseRate > 0 ? profile.churnRate / baseRate : profile.churnRate > 0 ? Infinity : 1;
  const baseChurners = base.size * baseRate;
  const churnerShare = baseChurners > 0 ? (profile.size * profile.churnRate) / baseChurners : 0;
  const predictedRatio = profile.meanPredicted === null ? null : baseRate > 0 ? profile.meanPredicted / baseRate : null;
  return { ratio, churnerShare, predictedRatio };
}

/**
 * Priority from how far churn runs above the base, how much of all churn the group carries, and what the
 * model predicts. A group must hold at least 5% of all churners to be "high": a tiny group with a high
 * rate is worth watching but is not where the retention budget goes first.
 */
export function priorityFor(profile: ClusterProfile, base: BaseProfile): Priority {
  const { ratio, churnerShare, predictedRatio } = riskFigures(profile, base);
  const elevated =
    ratio >= 1.5 ||
    (profile.churnLevel === "high" && ratio >= 1.15) ||
    (predictedRatio !== null && predictedRatio >= 1.5);
  if (elevated && churnerShare >= 0.05) return "high";
  const calm = ratio <= 0.75 && (predictedRatio === null || predictedRatio <= 1);
  if (calm || churnerShare < 0.03) return "low";
  return "medium";
}

/**
 * The columns the segments grouped on. On the Kaggle preset's (DaySinceLastOrder, OrderCount,
 * CashbackAmount) the cards speak of orders and cashback; on any other table they name the table's own
 * columns and say nothing of orders or cashback the data may not have.
 */
function isPresetAxes(axes: RfmColumns): boolean {
  return (
    axes.recency === RFM_COLUMNS.recency &&
    axes.frequency === RFM_COLUMNS.frequency &&
    axes.monetary === RFM_COLUMNS.monetary
  );
}

function baseName(profile: ClusterProfile, axes: RfmColumns, w: RulesWords): string {
  return w.name({ preset: isPresetAxes(axes), churn: profile.churnLevel, levels: profile.levels, axes });
}

function notable(profile: ClusterProfile, axes: RfmColumns): DistinctiveFeature[] {
  // The R, F and M columns are described by their own sentence; repeating them as "distinctive" adds nothing.
  const rfm = new Set([axes.recency, axes.frequency, axes.monetary]);
  return profile.distinctive.filter(
    (f) =>
      Number.isFinite(f.standardisedDifference) &&
      Math.abs(f.standardisedDifference) >= NOTABLE_SD &&
      !rfm.has(splitFeature(f.feature).column),
  );
}

/**
 * The persona's short name. With `allProfiles`, names that would collide are told apart by the feature
 * that most sets each group apart, then by id, so every card on the page has its own name.
 */
export function personaName(
  profile: ClusterProfile,
  allProfiles?: readonly ClusterProfile[],
  axes: RfmColumns = RFM_COLUMNS,
  lang: CardLang = "en",
): string {
  const w = WORDS[lang];
  const name = baseName(profile, axes, w);
  if (!allProfiles) return fitName(name);
  const twins = allProfiles.filter((p) => p.id !== profile.id && baseName(p, axes, w) === name);
  if (twins.length === 0) return fitName(name);
  const label = (p: ClusterProfile): string | null => {
    const top = notable(p, axes)[0];
    return top ? w.shortFeatureLabel(top) : null;
  };
  const own = label(profile);
  if (own !== null && twins.every((t) => label(t) !== own)) return fitName(name, (n) => w.twinByFeature(n, own));
  return fitName(name, (n) => w.twinById(n, profile.id));
}

/**
 * The name within the card's limit. On another table a name spells out up to three column names, which can
 * be long ("At-risk customers with high last_login_days, low tenure_months and low monthly_fee" is 81
 * characters): the base name is cut with an ellipsis, never the part that tells twins apart.
 */
function fitName(name: string, tell: (name: string) => string = (n) => n): string {
  const full = tell(name);
  if (full.length <= CARD_LIMITS.name) return full;
  const room = CARD_LIMITS.name - (full.length - name.length) - 1;
  return tell(`${name.slice(0, Math.max(1, room)).trimEnd()}…`);
}

function whoText(profile: ClusterProfile, base: BaseProfile, axes: RfmColumns, w: RulesWords): string {
  const means = (t: { recency: number; frequency: number; monetary: number }) => ({
    recency: formatMean(t.recency),
    frequency: formatMean(t.frequency),
    monetary: formatMean(t.monetary),
  });
  const m = means(profile.mean);
  const b = means(base.mean);
  const sentences = !isPresetAxes(axes)
    ? [
        w.whoSize(formatCount(profile.size), formatPercent(profile.share)),
        w.whoGenericMeans(axes, m, b),
        w.whoGenericLevels(axes, profile.levels),
      ]
    : [
        w.whoSize(formatCount(profile.size), formatPercent(profile.share)),
        w.whoPresetMeans(m, b),
        w.whoPresetLevels(profile.levels),
      ];
  const apart = notable(profile, axes).slice(0, 3);
  if (apart.length > 0) sentences.push(w.whoApart(apart.map((f) => w.describeDistinctive(f))));
  return sentences.join(" ");
}

function riskText(
  profile: ClusterProfile,
  base: BaseProfile,
  priority: Priority,
  axes: RfmColumns,
  w: RulesWords,
): string {
  const { ratio, churnerShare } = riskFigures(profile, base);
  const observed = w.riskObserved({
    rate: formatPercent(profile.churnRate),
    low: formatPercent(profile.churnRateLow),
    high: formatPercent(profile.churnRateHigh),
    base: formatPercent(base.churnRate),
    ratio: Number.isFinite(ratio) ? formatRatio(ratio) : null,
  });
  const sentences: string[] = [];
  if (profile.churnLevel === "high") sentences.push(w.riskHigh(observed));
  else if (profile.churnLevel === "mid") sentences.push(w.riskMid(observed));
  else sentences.push(w.riskLow(observed));
  sentences.push(w.riskShare(formatPercent(profile.share), formatPercent(churnerShare)));
  if (profile.meanPredicted !== null) {
    const gap =
      profile.churnRate > 0 ? profile.meanPredicted / profile.churnRate : profile.meanPredicted > 0.01 ? Infinity : 1;
    sentences.push(
      w.riskPredicted(
        formatPercent(profile.meanPredicted),
        gap >= 1.3 ? "above" : gap <= 1 / 1.3 ? "below" : "in line",
      ),
    );
  }
  const lead = notable(profile, axes)[0];
  if (lead && profile.churnLevel !== "low") sentences.push(w.riskLead(w.describeDistinctive(lead)));
  const share = formatPercent(churnerShare);
  sentences.push(
    w.riskPriority(
      priority,
      priority === "high"
        ? { kind: "high", churnerShare: share }
        : priority === "low"
          ? churnerShare < 0.03 && ratio > 0.75
            ? { kind: "few", churnerShare: share }
            : { kind: "low" }
          : ratio >= 1.15
            ? { kind: "above", churnerShare: share }
            : { kind: "near", churnerShare: share },
    ),
  );
  return sentences.join(" ");
}

interface ActionCandidate {
  readonly weight: number;
  readonly text: string;
}

function findNotable(profile: ClusterProfile, column: string): DistinctiveFeature | undefined {
  return profile.distinctive.find(
    (f) =>
      f.feature === column &&
      Number.isFinite(f.standardisedDifference) &&
      Math.abs(f.standardisedDifference) >= NOTABLE_SD,
  );
}

function actionCandidates(
  profile: ClusterProfile,
  base: BaseProfile,
  priority: Priority,
  axes: RfmColumns,
  w: RulesWords,
): ActionCandidate[] {
  const out: ActionCandidate[] = [];
  const urgent = priority !== "low";
  // Orders, win-back after days without one, cashback: words for the Kaggle data's R, F and M only.
  const preset = isPresetAxes(axes);
  const complain = findNotable(profile, "Complain");
  if (complain && complain.standardisedDifference > 0) {
    out.push({
      weight: urgent ? 10 : 6,
      text: w.actionComplain(formatPercent(complain.clusterValue), formatPercent(complain.baseValue)),
    });
  }
  const tenure = findNotable(profile, "Tenure");
  if (tenure && tenure.standardisedDifference < 0 && urgent) {
    out.push({ weight: 9, text: w.actionTenure(formatMean(tenure.clusterValue), formatMean(tenure.baseValue)) });
  }
  if (!preset && urgent) {
    const lead = notable(profile, axes)[0];
    if (lead) out.push({ weight: 6, text: w.actionLead(w.describeDistinctive(lead)) });
  }
  if (preset && profile.levels.recency === "high" && urgent) {
    out.push({
      weight: 7,
      text: w.actionWinBack(formatCount(Math.max(1, base.median.recency * 2)), formatMean(profile.mean.recency)),
    });
  }
  if (preset && profile.levels.frequency === "low" && urgent) {
    out.push({
      weight: 5,
      text: w.actionSecondOrder(formatMean(profile.mean.frequency), formatMean(base.mean.frequency)),
    });
  }
  if (preset && profile.levels.monetary !== "high" && priority === "high") {
    out.push({ weight: 6, text: w.actionCashback(formatMean(profile.mean.monetary)) });
  }
  const distance = findNotable(profile, "WarehouseToHome");
  if (distance && distance.standardisedDifference > 0 && urgent) {
    out.push({
      weight: 5,
      text: w.actionDistance(formatMean(distance.clusterValue), formatMean(distance.baseValue)),
    });
  }
  const category = profile.distinctive.find(
    (f) => f.feature.startsWith("PreferedOrderCat = ") && f.standardisedDifference >= NOTABLE_SD,
  );
  if (category) {
    out.push({
      weight: 4,
      text: w.actionCategory(
        splitFeature(category.feature).value ?? "",
        formatPercent(category.clusterValue),
        formatPercent(category.baseValue),
      ),
    });
  }
  if (profile.meanPredicted !== null && urgent) out.push({ weight: 4.5, text: w.actionHighestRisk });
  if (profile.churnLevel === "low") out.push({ weight: 8, text: w.actionProtect });
  if (urgent) out.push({ weight: 3.5, text: w.actionControl });
  if (!urgent) out.push({ weight: 2, text: w.actionStandard });
  out.push({ weight: 3, text: w.actionTrack(formatPercent(base.churnRate)) });
  return out;
}

function chooseActions(
  profile: ClusterProfile,
  base: BaseProfile,
  priority: Priority,
  axes: RfmColumns,
  w: RulesWords,
): string[] {
  const max = priority === "high" ? 4 : 3;
  // Stable sort: equal weights keep the order written above, so the choice never depends on the engine.
  return actionCandidates(profile, base, priority, axes, w)
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .slice(0, max)
    .map((c) => c.text);
}

/**
 * The card's text fields by rules; `axes` are the columns the segments grouped on (segments.json's columns),
 * `lang` the language the card is written in (the same decisions in every language).
 */
export function writePersonaTextByRules(
  profile: ClusterProfile,
  base: BaseProfile,
  allProfiles?: readonly ClusterProfile[],
  axes: RfmColumns = RFM_COLUMNS,
  lang: CardLang = "en",
): CardText {
  const w = WORDS[lang];
  const priority = priorityFor(profile, base);
  return {
    name: personaName(profile, allProfiles, axes, lang),
    who: whoText(profile, base, axes, w),
    risk: riskText(profile, base, priority, axes, w),
    actions: chooseActions(profile, base, priority, axes, w),
    priority,
  };
}

export function writePersonaByRules(
  profile: ClusterProfile,
  base: BaseProfile,
  allProfiles?: readonly ClusterProfile[],
  axes: RfmColumns = RFM_COLUMNS,
  lang: CardLang = "en",
): PersonaCard {
  return {
    clusterId: profile.id,
    ...writePersonaTextByRules(profile, base, allProfiles, axes, lang),
    source: { kind: "rules" },
  };
}
