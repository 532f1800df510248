// English: the rules writer's sentences (keys as in rules-words.ts).
import type { Level } from "../segments/types.js";
import { CARD_LIMITS } from "./card.js";
import { describeDistinctive, LEVEL_WORDS, shortFeatureLabel } from "./format.js";
import type { RulesWords } from "./rules-words.js";

const VALUE_NAMES: Readonly<Record<Level, Readonly<Record<Level, string>>>> = {
  // [frequency][monetary]
  high: { high: "high-value regulars", mid: "frequent buyers", low: "frequent low-cashback buyers" },
  mid: { high: "high-cashback customers", mid: "mainstream customers", low: "low-cashback customers" },
  low: { high: "high-cashback occasional buyers", mid: "occasional buyers", low: "light buyers" },
};
const RECENCY_WORDS: Readonly<Record<Level, string>> = { low: "recent", mid: "", high: "quiet" };
const CHURN_WORDS: Readonly<Record<Level, string>> = { high: "at-risk", mid: "", low: "loyal" };
const GENERIC_LEVEL_WORDS: Readonly<Record<Level, string>> = { low: "below most", mid: "typical", high: "above most" };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const KEYS = ["recency", "frequency", "monetary"] as const;

export const rulesEn: RulesWords = {
  name: ({ preset, churn, levels, axes }) => {
    if (preset) {
      const words = [CHURN_WORDS[churn], RECENCY_WORDS[levels.recency], VALUE_NAMES[levels.frequency][levels.monetary]];
      return capitalise(words.filter((w) => w !== "").join(" "));
    }
    // "At-risk customers with high support_calls and low tenure_months": the axes that are not typical.
    const apart = KEYS.filter((k) => levels[k] !== "mid").map((k) => `${levels[k]} ${axes[k]}`);
    const who = CHURN_WORDS[churn] === "" ? "customers" : `${CHURN_WORDS[churn]} customers`;
    const what =
      apart.length === 0
        ? `typical ${axes.recency}, ${axes.frequency} and ${axes.monetary}`
        : apart.length === 1
          ? apart[0]
          : `${apart.slice(0, -1).join(", ")} and ${apart[apart.length - 1]}`;
    const name = capitalise(`${who} with ${what}`);
    // Three long column names can pass the card's limit: the same words without the joins, before rules.ts
    // has to cut the name short.
    if (name.length <= CARD_LIMITS.name || apart.length === 0) return name;
    return capitalise(`${CHURN_WORDS[churn] === "" ? "customers" : CHURN_WORDS[churn]}: ${apart.join(", ")}`);
  },
  twinByFeature: (name, label) => `${name} (${label})`,
  twinById: (name, id) => `${name} (group ${id})`,
  shortFeatureLabel,
  describeDistinctive,

  whoSize: (count, share) => `${count} customers, ${share} of the base.`,
  whoPresetMeans: (m, b) =>
    `On average their last order was ${m.recency} days ago (base ${b.recency}), ` +
    `they placed ${m.frequency} orders last month (base ${b.frequency}) ` +
    `and their cashback averages ${m.monetary} (base ${b.monetary}).`,
  whoPresetLevels: (levels) =>
    `Against the whole base, their last order is ${LEVEL_WORDS.recency[levels.recency]}, ` +
    `their order count is ${LEVEL_WORDS.frequency[levels.frequency]} ` +
    `and their cashback is ${LEVEL_WORDS.monetary[levels.monetary]}.`,
  whoGenericMeans: (axes, m, b) => `On average ${KEYS.map((k) => `${axes[k]} is ${m[k]} (base ${b[k]})`).join(", ")}.`,
  whoGenericLevels: (axes, levels) =>
    `Against the whole base, ${KEYS.map((k) => `${axes[k]} is ${GENERIC_LEVEL_WORDS[levels[k]]}`).join(", ")}.`,
  whoApart: (items) => `What sets them apart: ${items.join("; ")}.`,

  riskObserved: ({ rate, low, high, base, ratio }) =>
    `${rate} of them churned (95% interval ${low} to ${high}) against ${base} across the base` +
    (ratio === null ? "" : `, ${ratio} the base rate`),
  riskHigh: (observed) => `Losing customers is the risk: ${observed}.`,
  riskMid: (observed) => `Churn is close to the base: ${observed}; the risk is a slow drift upward going unnoticed.`,
  riskLow: (observed) =>
    `Churn is low: ${observed}. The risk is spending retention money where it is not needed, and missing an early rise.`,
  riskShare: (share, churnerShare) => `They are ${share} of customers and ${churnerShare} of all churners.`,
  riskPredicted: (predicted, agreement) =>
    `The model's mean predicted churn risk for them is ${predicted}, ${
      agreement === "above"
        ? "above what was observed"
        : agreement === "below"
          ? "below what was observed"
          : "in line with what was observed"
    }.`,
  riskLead: (lead) => `The clearest difference from the base is that ${lead}: a lead to test, not a proven cause.`,
  riskPriority: (priority, because) =>
    `Priority ${priority}: ${
      because.kind === "high"
        ? `churn well above the base in a group holding ${because.churnerShare} of all churners`
        : because.kind === "few"
          ? `only ${because.churnerShare} of all churners, too few to act on first`
          : because.kind === "low"
            ? "churn well below the base"
            : because.kind === "above"
              ? `churn above the base, but in a group holding only ${because.churnerShare} of all churners`
              : `churn near the base in a group holding ${because.churnerShare} of all churners`
    }.`,

  actionComplain: (cluster, base) =>
    `Call back every customer in this group who complained, within 48 hours, and close the complaint with them: ` +
    `${cluster} complained last month against ${base} overall.`,
  actionTenure: (cluster, base) =>
    `Run a first-90-days programme for new customers (a welcome check-in, help with the first delivery, a reason for ` +
    `a second order): tenure here averages ${cluster} months against ${base}.`,
  actionLead: (lead) =>
    `Find out with these customers why ${lead}, and test one change on a random half of the group before rolling it out.`,
  actionWinBack: (days, mean) =>
    `Send a win-back message once a customer passes ${days} days without ` +
    `an order, with one time-limited offer rather than a standing discount (this group averages ${mean} days).`,
  actionSecondOrder: (mean, base) =>
    `Prompt a second order within the month with a bundle or a free-delivery threshold on their usual category; ` +
    `they place ${mean} orders a month against ${base}.`,
  actionCashback: (mean) =>
    `Test a higher cashback rate on a random half of the group and compare churn with the other half after three ` +
    `months before rolling it out (cashback now averages ${mean}).`,
  actionDistance: (cluster, base) =>
    `Offer faster or cheaper delivery to distant addresses: they live ${cluster} km from ` +
    `the warehouse against ${base} km overall.`,
  actionCategory: (category, share, base) =>
    `Build this group's offers around ${category === "Others" ? "the categories outside the main four" : category}, which ` +
    `${share} of them prefer (base ${base}).`,
  actionHighestRisk:
    "Each month, hand the retention team the customers in this group with the highest predicted risk " +
    "instead of treating the whole group alike.",
  actionProtect:
    "Protect rather than discount: early access, a loyalty tier and priority service, and no blanket coupons " +
    "for customers who already stay.",
  actionControl:
    "Keep a random 10 to 20% of the group out of each action as a control, so the churn it saves can be measured.",
  actionStandard:
    "Keep this group on the standard programme and put the retention budget into the high-priority groups first.",
  actionTrack: (base) =>
    `Track this group's churn rate every month; a rise above ${base} (the base rate) is the signal to act.`,
};
