// The rules persona writer: always available, deterministic (same profile, same text), the fallback for
// every Gemini failure and the text the tests pin down. It states the numbers it reasons from, so a reader
// can check each sentence against the profile table on the segments page.

import { RFM_COLUMNS, type RfmColumns } from "../segments/rfm.js";
import type { ClusterProfile, BaseProfile, DistinctiveFeature, Level } from "../segments/types.js";
import type { CardText, PersonaCard, Priority } from "./card.js";
import {
  describeDistinctive,
  formatCount,
  formatMean,
  formatPercent,
  formatRatio,
  LEVEL_WORDS,
  shortFeatureLabel,
  splitFeature,
} from "./format.js";

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

const VALUE_NAMES: Readonly<Record<Level, Readonly<Record<Level, string>>>> = {
  // [frequency][monetary]
  high: { high: "high-value regulars", mid: "frequent buyers", low: "frequent low-cashback buyers" },
  mid: { high: "high-cashback customers", mid: "mainstream customers", low: "low-cashback customers" },
  low: { high: "high-cashback occasional buyers", mid: "occasional buyers", low: "light buyers" },
};
const RECENCY_WORDS: Readonly<Record<Level, string>> = { low: "recent", mid: "", high: "quiet" };
const CHURN_WORDS: Readonly<Record<Level, string>> = { high: "at-risk", mid: "", low: "loyal" };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

const GENERIC_LEVEL_WORDS: Readonly<Record<Level, string>> = { low: "below most", mid: "typical", high: "above most" };

/** "At-risk customers with high support_calls and low tenure_months": the axes that are not typical. */
function genericBaseName(profile: ClusterProfile, axes: RfmColumns): string {
  const keys = ["recency", "frequency", "monetary"] as const;
  const apart = keys.filter((k) => profile.levels[k] !== "mid").map((k) => `${profile.levels[k]} ${axes[k]}`);
  const who = CHURN_WORDS[profile.churnLevel] === "" ? "customers" : `${CHURN_WORDS[profile.churnLevel]} customers`;
  const what =
    apart.length === 0
      ? `typical ${axes.recency}, ${axes.frequency} and ${axes.monetary}`
      : apart.length === 1
        ? apart[0]
        : `${apart.slice(0, -1).join(", ")} and ${apart[apart.length - 1]}`;
  return capitalise(`${who} with ${what}`);
}

function baseName(profile: ClusterProfile, axes: RfmColumns): string {
  if (!isPresetAxes(axes)) return genericBaseName(profile, axes);
  const words = [
    CHURN_WORDS[profile.churnLevel],
    RECENCY_WORDS[profile.levels.recency],
    VALUE_NAMES[profile.levels.frequency][profile.levels.monetary],
  ].filter((w) => w !== "");
  return capitalise(words.join(" "));
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
): string {
  const name = baseName(profile, axes);
  if (!allProfiles) return name;
  const twins = allProfiles.filter((p) => p.id !== profile.id && baseName(p, axes) === name);
  if (twins.length === 0) return name;
  const label = (p: ClusterProfile): string | null => {
    const top = notable(p, axes)[0];
    return top ? shortFeatureLabel(top) : null;
  };
  const own = label(profile);
  if (own !== null && twins.every((t) => label(t) !== own)) return `${name} (${own})`;
  return `${name} (group ${profile.id})`;
}

function whoText(profile: ClusterProfile, base: BaseProfile, axes: RfmColumns): string {
  const m = profile.mean;
  const b = base.mean;
  const keys = ["recency", "frequency", "monetary"] as const;
  const sentences = !isPresetAxes(axes)
    ? [
        `${formatCount(profile.size)} customers, ${formatPercent(profile.share)} of the base.`,
        `On average ${keys.map((k) => `${axes[k]} is ${formatMean(m[k])} (base ${formatMean(b[k])})`).join(", ")}.`,
        `Against the whole base, ${keys.map((k) => `${axes[k]} is ${GENERIC_LEVEL_WORDS[profile.levels[k]]}`).join(", ")}.`,
      ]
    : [
        `${formatCount(profile.size)} customers, ${formatPercent(profile.share)} of the base.`,
        `On average their last order was ${formatMean(m.recency)} days ago (base ${formatMean(b.recency)}), ` +
          `they placed ${formatMean(m.frequency)} orders last month (base ${formatMean(b.frequency)}) ` +
          `and their cashback averages ${formatMean(m.monetary)} (base ${formatMean(b.monetary)}).`,
        `Against the whole base, their last order is ${LEVEL_WORDS.recency[profile.levels.recency]}, ` +
          `their order count is ${LEVEL_WORDS.frequency[profile.levels.frequency]} ` +
          `and their cashback is ${LEVEL_WORDS.monetary[profile.levels.monetary]}.`,
      ];
  const apart = notable(profile, axes).slice(0, 3);
  if (apart.length > 0) {
    sentences.push(`What sets them apart: ${apart.map(describeDistinctive).join("; ")}.`);
  }
  return sentences.join(" ");
}

function riskText(profile: ClusterProfile, base: BaseProfile, priority: Priority, axes: RfmColumns): string {
  const { ratio, churnerShare } = riskFigures(profile, base);
  const observed =
    `${formatPercent(profile.churnRate)} of them churned ` +
    `(95% interval ${formatPercent(profile.churnRateLow)} to ${formatPercent(profile.churnRateHigh)}) ` +
    `against ${formatPercent(base.churnRate)} across the base`;
  const ratioText = Number.isFinite(ratio) ? `, ${formatRatio(ratio)} the base rate` : "";
  const sentences: string[] = [];
  if (profile.churnLevel === "high") {
    sentences.push(`Losing customers is the risk: ${observed}${ratioText}.`);
  } else if (profile.churnLevel === "mid") {
    sentences.push(
      `Churn is close to the base: ${observed}${ratioText}; the risk is a slow drift upward going unnoticed.`,
    );
  } else {
    sentences.push(
      `Churn is low: ${observed}${ratioText}. The risk is spending retention money where it is not needed, and missing an early rise.`,
    );
  }
  sentences.push(
    `They are ${formatPercent(profile.share)} of customers and ${formatPercent(churnerShare)} of all churners.`,
  );
  if (profile.meanPredicted !== null) {
    const gap =
      profile.churnRate > 0 ? profile.meanPredicted / profile.churnRate : profile.meanPredicted > 0.01 ? Infinity : 1;
    const agreement =
      gap >= 1.3
        ? ", above what was observed"
        : gap <= 1 / 1.3
          ? ", below what was observed"
          : ", in line with what was observed";
    sentences.push(
      `The model's mean predicted churn risk for them is ${formatPercent(profile.meanPredicted)}${agreement}.`,
    );
  }
  const lead = notable(profile, axes)[0];
  if (lead && profile.churnLevel !== "low") {
    sentences.push(
      `The clearest difference from the base is that ${describeDistinctive(lead)}: a lead to test, not a proven cause.`,
    );
  }
  const because =
    priority === "high"
      ? `churn well above the base in a group holding ${formatPercent(churnerShare)} of all churners`
      : priority === "low"
        ? churnerShare < 0.03 && ratio > 0.75
          ? `only ${formatPercent(churnerShare)} of all churners, too few to act on first`
          : "churn well below the base"
        : ratio >= 1.15
          ? `churn above the base, but in a group holding only ${formatPercent(churnerShare)} of all churners`
          : `churn near the base in a group holding ${formatPercent(churnerShare)} of all churners`;
  sentences.push(`Priority ${priority}: ${because}.`);
  return sentences.join(" ");
}

interface ActionCandidate {
  readonly weight: number;
  readonly text: string;
}

function categoryName(value: string): string {
  return value === "Others" ? "the categories outside the main four" : value;
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
): ActionCandidate[] {
  const out: ActionCandidate[] = [];
  const urgent = priority !== "low";
  // Orders, win-back after days without one, cashback: words for the Kaggle data's R, F and M only.
  const preset = isPresetAxes(axes);
  const complain = findNotable(profile, "Complain");
  if (complain && complain.standardisedDifference > 0) {
    out.push({
      weight: urgent ? 10 : 6,
      text:
        `Call back every customer in this group who complained, within 48 hours, and close the complaint with them: ` +
        `${formatPercent(complain.clusterValue)} complained last month against ${formatPercent(complain.baseValue)} overall.`,
    });
  }
  const tenure = findNotable(profile, "Tenure");
  if (tenure && tenure.standardisedDifference < 0 && urgent) {
    out.push({
      weight: 9,
      text:
        `Run a first-90-days programme for new customers (a welcome check-in, help with the first delivery, a reason for ` +
        `a second order): tenure here averages ${formatMean(tenure.clusterValue)} months against ${formatMean(tenure.baseValue)}.`,
    });
  }
  if (!preset && urgent) {
    const lead = notable(profile, axes)[0];
    if (lead) {
      out.push({
        weight: 6,
        text:
          `Find out with these customers why ${describeDistinctive(lead)}, and test one change on a random half ` +
          `of the group before rolling it out.`,
      });
    }
  }
  if (preset && profile.levels.recency === "high" && urgent) {
    out.push({
      weight: 7,
      text:
        `Send a win-back message once a customer passes ${formatCount(Math.max(1, base.median.recency * 2))} days without ` +
        `an order, with one time-limited offer rather than a standing discount (this group averages ${formatMean(profile.mean.recency)} days).`,
    });
  }
  if (preset && profile.levels.frequency === "low" && urgent) {
    out.push({
      weight: 5,
      text:
        `Prompt a second order within the month with a bundle or a free-delivery threshold on their usual category; ` +
        `they place ${formatMean(profile.mean.frequency)} orders a month against ${formatMean(base.mean.frequency)}.`,
    });
  }
  if (preset && profile.levels.monetary !== "high" && priority === "high") {
    out.push({
      weight: 6,
      text:
        `Test a higher cashback rate on a random half of the group and compare churn with the other half after three ` +
        `months before rolling it out (cashback now averages ${formatMean(profile.mean.monetary)}).`,
    });
  }
  const distance = findNotable(profile, "WarehouseToHome");
  if (distance && distance.standardisedDifference > 0 && urgent) {
    out.push({
      weight: 5,
      text:
        `Offer faster or cheaper delivery to distant addresses: they live ${formatMean(distance.clusterValue)} km from ` +
        `the warehouse against ${formatMean(distance.baseValue)} km overall.`,
    });
  }
  const category = profile.distinctive.find(
    (f) => f.feature.startsWith("PreferedOrderCat = ") && f.standardisedDifference >= NOTABLE_SD,
  );
  if (category) {
    out.push({
      weight: 4,
      text:
        `Build this group's offers around ${categoryName(splitFeature(category.feature).value ?? "")}, which ` +
        `${formatPercent(category.clusterValue)} of them prefer (base ${formatPercent(category.baseValue)}).`,
    });
  }
  if (profile.meanPredicted !== null && urgent) {
    out.push({
      weight: 4.5,
      text:
        `Each month, hand the retention team the customers in this group with the highest predicted risk ` +
        `instead of treating the whole group alike.`,
    });
  }
  if (profile.churnLevel === "low") {
    out.push({
      weight: 8,
      text:
        `Protect rather than discount: early access, a loyalty tier and priority service, and no blanket coupons ` +
        `for customers who already stay.`,
    });
  }
  if (urgent) {
    out.push({
      weight: 3.5,
      text: `Keep a random 10 to 20% of the group out of each action as a control, so the churn it saves can be measured.`,
    });
  }
  if (!urgent) {
    out.push({
      weight: 2,
      text: `Keep this group on the standard programme and put the retention budget into the high-priority groups first.`,
    });
  }
  out.push({
    weight: 3,
    text: `Track this group's churn rate every month; a rise above ${formatPercent(base.churnRate)} (the base rate) is the signal to act.`,
  });
  return out;
}

function chooseActions(profile: ClusterProfile, base: BaseProfile, priority: Priority, axes: RfmColumns): string[] {
  const max = priority === "high" ? 4 : 3;
  // Stable sort: equal weights keep the order written above, so the choice never depends on the engine.
  return actionCandidates(profile, base, priority, axes)
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .slice(0, max)
    .map((c) => c.text);
}

/** The card's text fields by rules; `axes` are the columns the segments grouped on (segments.json's columns). */
export function writePersonaTextByRules(
  profile: ClusterProfile,
  base: BaseProfile,
  allProfiles?: readonly ClusterProfile[],
  axes: RfmColumns = RFM_COLUMNS,
): CardText {
  const priority = priorityFor(profile, base);
  return {
    name: personaName(profile, allProfiles, axes),
    who: whoText(profile, base, axes),
    risk: riskText(profile, base, priority, axes),
    actions: chooseActions(profile, base, priority, axes),
    priority,
  };
}

export function writePersonaByRules(
  profile: ClusterProfile,
  base: BaseProfile,
  allProfiles?: readonly ClusterProfile[],
  axes: RfmColumns = RFM_COLUMNS,
): PersonaCard {
  return {
    clusterId: profile.id,
    ...writePersonaTextByRules(profile, base, allProfiles, axes),
    source: { kind: "rules" },
  };
}
