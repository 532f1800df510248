// Korean words for the facts in wording-strings.ts.
import type { WordingStrings } from "./wording-strings.js";
import { koModels } from "./ko-models.js";
import { POLICY_KINDS, type PolicyKind } from "../lib/threshold.js";

const isPolicyKind = (policy: string): policy is PolicyKind => (POLICY_KINDS as readonly string[]).includes(policy);

export const koWording: WordingStrings = {
  blankValue: "빈칸",
  // As the page's table heads them, so the file and the table read alike.
  download: {
    headers: {
      churn_probability: "이탈 확률",
      high_risk: "고위험",
      segment: "세그먼트",
      raises_risk: "위험을 높이는 요인",
      lowers_risk: "위험을 낮추는 요인",
    },
    yes: "예",
    no: "아니요",
  },
  // As the Korean Models page names them; a policy this report does not know is shown as the bundle has it.
  policyName: (policy) => (isPolicyKind(policy) ? koModels.policyLabels[policy] : policy),
};
