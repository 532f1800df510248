// English: the Segments page (keys as in segments-strings.ts).
import type { AxisReason, SegmentsStrings } from "./segments-strings.js";

export const enSegments: SegmentsStrings = {
  page: {
    title: "Segments and personas",
    headings: {
      main: "Segments and personas",
      k: "How many groups",
      who: "Who is in each group",
      churn: "Churn and predicted risk by group",
      rfm: "Classic RFM segments against the groups",
      offer: "Which groups are worth an offer",
      personas: "Personas",
    },
  },
  intro:
    "Which groups do customers fall into, which of them are worth a retention offer, and what should be done " +
    "for each? This page groups customers by how recently, how often and how much they buy (RFM), shows what " +
    "sets each group apart, ranks the groups by the expected value of an offer under assumptions you set, and " +
    "ends with a persona card per group.",
  grouped: ({ customers, k, axes }) =>
    axes.preset
      ? `The pipeline put the ${customers} distinct customers into ${k} groups with k-means on three standardised ` +
        `columns: **R** = ${axes.r} (days since the last order), **F** = ${axes.f} (orders last month) and ` +
        `**M** = ${axes.m}.`
      : `The pipeline put the ${customers} distinct customers into ${k} groups with k-means on three standardised ` +
        `columns of this table: **R** = ${axes.r}, **F** = ${axes.f} and **M** = ${axes.m}.`,
  axesWhy: (reasons: readonly AxisReason[]) =>
    `Why these columns: ${reasons.map((r) => r.why).join("; ")}. The other columns describe the groups afterwards.`,
  churnRange: (p) =>
    `Churn ranges from ${p.safestRate} in group ${p.safest} to ${p.riskiestRate} in group ${p.riskiest}, against ` +
    `${p.base} across the base.`,
  noteTitle: (axes) => (axes.preset ? "M is cashback, not revenue. " : "What M is: "),
  monetaryNote: ({ note }) => note,
  noteRest: ({ axes, seed, restarts }) =>
    axes.preset
      ? ` The groups come from R, F and M alone (seed ${seed}, best of ${restarts} restarts); every other column is only described afterwards, never used to form them.`
      : ` The groups come from ${axes.r}, ${axes.f} and ${axes.m} alone (seed ${seed}, best of ${restarts} restarts); every other column is only described afterwards, never used to form them.`,

  kChosen: (k, range) => `The report uses k = ${k} groups, chosen among k = ${range}.`,
  kSummary: (range) => `How the number of groups was chosen (k = ${range})`,
  kRange: (first, last) => `${first} to ${last}`,
  kSelection: (p) =>
    `Trying k from ${p.range}, the mean silhouette width (how much closer a customer is to its own group than to ` +
    `the next one; 1 is perfect, 0 is on the border) is ${p.silhouette ?? "undefined"} at k = ${p.k}` +
    (p.best ? `, against a best of ${p.best.silhouette} at k = ${p.best.k}` : ", the best of the range") +
    "." +
    (p.cut ? ` Going from ${p.cut.from} to ${p.k} groups still cuts the within-group spread by ${p.cut.share}.` : "") +
    (p.sample
      ? ` With this many customers, the k range was tried on a seeded sample of ${p.sample.rows} of the ${p.sample.of}; the ${p.k} groups themselves are fitted on all of them, starting from the sample's best.`
      : ""),
  kContinuum:
    "None of these values says the groups are sharply separated: RFM data form a continuum, and the groups are a " +
    "convenient partition of it, not natural kinds.",

  whoIntro: ({ id, size, share, axes }) =>
    `The largest group is group ${id} (${size} customers, ${share}). ` +
    (axes.preset
      ? "Each dot below is a customer, placed by days since the last order and cashback, its size showing last " +
        "month's orders; the numbered circles are the group centres. Groups that sit on top of each other here " +
        "differ in F, the dot size: show one panel per group to see each one against the rest."
      : `Each dot below is a customer, placed by ${axes.r} across and ${axes.m} up, its size showing ${axes.f}; ` +
        "the numbered circles are the group centres. Groups that sit on top of each other here differ in F, the " +
        "dot size: show one panel per group to see each one against the rest."),
  pointsSample: ({ of, shown }) =>
    ` With ${of} customers, one dot each would be too many to send and to draw: the dots are a seeded sample of ${shown} of them, drawn in the same proportion of churners; the sizes, centres and every figure on this page are computed on all of them.`,
  scatterLabel: "show",
  scatterAll: "all groups in one chart",
  scatterFacet: "one panel per group",
  heatmapIntro: (axes) =>
    "The grid reads each group's means against the whole base: blue is in the lowest third of the base, orange " +
    `in the highest (${axes.preset ? "for R, orange means *longer* since the last order" : `for R, orange means a higher ${axes.r}`}), grey in between.`,

  churnIntro: (p) =>
    `Group ${p.id} loses the most customers: ${p.rate} (95% interval ${p.low} to ${p.high}) against ${p.base} ` +
    `overall. Groups whose whole interval lies above the base rate: ${p.above}; wholly below: ${p.below}.`,
  groupItem: (id, rate) => `group ${id} (${rate})`,
  none: "none",
  list: (items) => items.join(", "),
  predictedGap: (p) =>
    `The churn model's mean out-of-fold predicted probability is shown beside each observed rate; the largest gap is in group ${p.id} (${p.predicted} predicted against ${p.observed} observed).`,
  noPredicted:
    "No model probabilities were available when this report was built, so only observed churn is shown; the predicted risk appears here once the models stage supplies out-of-fold probabilities.",

  rfmIntro: (dominant) =>
    `The usual 1–5 RFM scores (quintiles of the base) give named segments that cut across the k-means groups. ${dominant}.`,
  rfmDominant: (id, segment, share) => `Group ${id} is mostly ${segment} (${share})`,
  rfmExtremes: ({ worst, best }) =>
    `Among segments of at least 30 customers, churn is highest in ${worst ?? "none"} and lowest in ${best ?? "none"}: ` +
    "the names describe buying behaviour, not churn, and on this data they do not always point the way their names suggest.",
  rfmSegmentRate: (segment, rate) => `${segment} (${rate})`,
  rfmEmptyF: (scores) =>
    `Order counts are tied for so many customers that no one gets an F score of ${scores.join(" or ")}.`,
  rfmSegment: (name) => name,

  offerIntro: (axes) =>
    "An offer costs money for every customer who gets it and pays back only for a churner it keeps. The expected " +
    `value per customer is p(churn) × value × p(offer saves) − cost, with value = ${axes.preset ? "cashback" : axes.m} × the multiplier ` +
    "below, averaged over each group's customers.",
  offerPredicted: "p(churn) is each customer's out-of-fold predicted probability from the churn model.",
  offerObserved:
    "p(churn) here is the group's observed churn rate: the models stage had not supplied predicted probabilities when this report was built. Ranking on observed churn looks back at customers who have already left or stayed; predicted probabilities, once wired, rank on the risk still ahead.",
  assumptionsTitle: "These are assumptions, not estimates. ",
  assumptionsBody: (axes) =>
    `Nothing in the data says how often an offer saves a customer, what it costs, or what a unit of ${axes.preset ? "cashback" : axes.m} is worth; the defaults are round numbers to be changed. Move them and the ranking below is recomputed.`,
  pSaveLabel: "p(offer saves a churner)",
  offerCostLabel: "offer cost per customer",
  valueLabel: (axes) => `value per unit of ${axes.preset ? "cashback" : axes.m}`,
  topOffer: (p) =>
    `With these assumptions, an offer to every customer of group ${p.id} is worth the most: ${p.total} in total, ${p.perCustomer} per customer.`,
  noPaying:
    "No group repays the offer on average: at this cost, target individual customers instead of whole groups, or lower the cost.",
  paying: (count, total, groups) => `${count} of ${total} groups repay the offer on average (${groups}).`,
  group: (id) => `group ${id}`,
  riskValue: ({ riskCut, valueCut, hiHi, axes }) =>
    "The risk × value view places each group at its p(churn) and its value proxy, cut at the customer-weighted " +
    `means (${riskCut} and ${valueCut}). High risk and high value: ${hiHi}. Scaling the value per unit of ` +
    `${axes.preset ? "cashback" : axes.m} moves every group and the cut together, so the quadrants do not depend on that assumption; the ` +
    "ranking above does, because the offer cost does not scale with it.",
  noGroup: "no group",

  personasUnreadable: "The persona cards could not be read.",
  personasInvalid: (reason) => `personas.json is not valid: ${reason}`,
  personasIntro: ({ generator, fellBack }) =>
    `One card per group, written by ${generator}${fellBack > 0 ? `; ${fellBack} card(s) fell back to the rules, each saying why` : ""}. ` +
    "Each card says where its text came from. The figures under each name are computed from the segments data; " +
    "the text quotes them. A card's priority is its writer's judgement of how far churn runs above the base and " +
    "how much of all churn the group holds; the offer ranking above is the arithmetic under your assumptions, and " +
    "the two can differ.",
  generatorRules: () => "the rules (no Gemini key was set at build time)",
  generatorGemini: (model) => `Gemini (${model}) at build time`,

  clusterLabel: (id, name) => `Group ${id} · ${name}`,
  clusterName: ({ english }) => english,
  missing: "n/a",

  charts: {
    kAxis: "number of clusters k",
    inertiaLabel: "within-cluster sum of squares (standardised units)",
    silhouetteLabel: "mean silhouette width",
    inertiaTitle: "Inertia (elbow) by number of clusters",
    silhouetteTitle: "Silhouette by number of clusters",
    kDescription: (label, ks, items, k) => `${label} for k = ${ks}: ${items}. The report uses k = ${k}.`,
    kItem: (k, value) => `k ${k}: ${value}`,
    kMark: (k) => `k = ${k}`,

    scatterTitle: (axes, facet) =>
      axes.preset
        ? facet
          ? "Customers by recency and cashback, one panel per cluster, sized by orders"
          : "Customers by recency and cashback, coloured by cluster, sized by orders"
        : facet
          ? `Customers by ${axes.r} and ${axes.m}, one panel per cluster, sized by ${axes.f}`
          : `Customers by ${axes.r} and ${axes.m}, coloured by cluster, sized by ${axes.f}`,
    scatterDescription: ({ axes, shown, of, facet, centres }) =>
      (of ? `A seeded sample of ${shown} of the ${of} customers` : `${shown} customers`) +
      (axes.preset
        ? ": days since the last order across, cashback (M) up, dot size = orders last month (F), colour = cluster"
        : `: ${axes.r} (R) across, ${axes.m} (M) up, dot size = ${axes.f} (F), colour = cluster`) +
      (facet ? ", one panel per cluster with the other customers in grey. " : ". ") +
      centres +
      ".",
    scatterCentre: (axes, id, r, f, m) =>
      axes.preset
        ? `Group ${id} centre: ${r} days, ${f} orders, cashback ${m}`
        : `Group ${id} centre: ${axes.r} ${r}, ${axes.f} ${f}, ${axes.m} ${m}`,
    scatterX: (axes, jittered) =>
      axes.preset
        ? jittered
          ? "R: days since the last order (jittered ±0.35 day) →"
          : "R: days since the last order →"
        : jittered
          ? `R: ${axes.r} (jittered ±0.35) →`
          : `R: ${axes.r} →`,
    scatterY: (axes) => `↑ M: ${axes.m}`,
    scatterR: (axes) => (axes.preset ? "F: orders last month" : `F: ${axes.f}`),
    tipCustomer: "customer",
    tipDays: "days",
    tipOrders: "orders",

    heatmapFeatures: (axes) =>
      axes.preset
        ? ["R: days since last order", "F: orders last month", "M: cashback", "churn rate"]
        : [`R: ${axes.r}`, `F: ${axes.f}`, `M: ${axes.m}`, "churn rate"],
    level: (level) => level,
    levelLegend: "level against the whole base",
    heatmapTitle: (axes) =>
      axes.preset
        ? "Cluster profiles: mean recency, orders, cashback and churn rate per cluster"
        : `Cluster profiles: mean ${axes.r}, ${axes.f}, ${axes.m} and churn rate per cluster`,
    heatmapDescription: (cells, base) => `${cells}. ${base}.`,
    heatmapCell: (cluster, feature, text, level) => `${cluster}, ${feature}: ${text} (${level})`,
    heatmapBase: (axes, r, f, m, churn) =>
      axes.preset
        ? `Whole base: ${r} days, ${f} orders, cashback ${m}, churn ${churn}`
        : `Whole base: ${axes.r} ${r}, ${axes.f} ${f}, ${axes.m} ${m}, churn ${churn}`,

    churnTitle: (predicted) =>
      predicted ? "Observed churn rate and mean predicted risk by cluster" : "Observed churn rate by cluster",
    churnItem: (label, rate, low, high, predicted) =>
      `${label}: ${rate} churned (95% interval ${low} to ${high})` +
      (predicted === null ? "" : `, mean predicted ${predicted}`),
    churnBase: (rate) => `Whole base: ${rate}.`,
    churnCaption: (predicted) =>
      predicted
        ? "Dots: observed churn with its 95% Wilson interval. Diamonds: mean out-of-fold predicted probability. Dashed line: the whole base."
        : "Dots: observed churn with its 95% Wilson interval. Dashed line: the whole base. No model probabilities in this build.",
    churnAxis: "churn rate →",

    allGroups: "All groups",
    rfmTitle: "Classic RFM segments against the k-means clusters",
    rfmGroupItem: (group, parts) => `${group}: ${parts}`,
    rfmNone: "none",
    rfmTotals: (items) => `. Whole base by segment (customers · churn): ${items}.`,
    rfmCaption:
      "Cells: customers in both; shade = share of the group. Last column: the segment's size and churn rate over all groups.",

    riskValueTitle: "Risk against value by cluster",
    quadrant: (q) => q,
    riskWord: (predicted) => (predicted ? "mean predicted churn probability" : "observed churn rate"),
    riskValueDescription: (p) =>
      `Each group at its ${p.riskWord} (across) and value proxy, mean ${p.axes.preset ? "cashback" : p.axes.m} × ${p.multiplier} (up); cuts at the customer-weighted means, ${p.riskCut} and ${p.valueCut}. ` +
      p.items +
      ".",
    riskValueItem: (label, risk, value, quadrant) => `${label}: ${risk}, value ${value}, ${quadrant}`,
    riskValueX: (riskWord) => `${riskWord} →`,
    riskValueY: (axes, multiplier) => `↑ value proxy (${axes.preset ? "cashback" : axes.m} × ${multiplier})`,

    pays: "pays on average",
    costsMore: "costs more than it saves",
    priorityTitle: "Expected value of an offer to every customer of each cluster, ranked",
    priorityItem: (rank, label, total, perCustomer) =>
      `${rank}. ${label}: total ${total} (${perCustomer} per customer)`,
    priorityAxis: "expected value of offering the whole group (money units) →",
  },

  tables: {
    profileHeaders: (axes, predicted) => [
      "group",
      "customers",
      "share",
      axes.preset ? "R: days (mean / median)" : `R: ${axes.r} (mean / median)`,
      axes.preset ? "F: orders (mean / median)" : `F: ${axes.f} (mean / median)`,
      axes.preset ? "M: cashback (mean / median)" : `M: ${axes.m} (mean / median)`,
      "churn rate (95% interval)",
      ...(predicted ? ["mean predicted"] : []),
    ],
    wholeBase: "Whole base",
    priorityHeaders: (predicted) => [
      "rank",
      "group",
      "customers",
      predicted ? "mean predicted p(churn)" : "observed churn rate",
      "break-even p(churn)",
      "EV per customer",
      "EV for the group",
      "offer to all?",
    ],
    never: (breakEven) => (breakEven === null ? "never" : `${breakEven} (never)`),
    yes: "yes",
    no: "no",
  },

  cards: {
    badgeRules: "Rules",
    badgeBuild: "Gemini at build time",
    badgeLive: "Gemini live",
    sourceRules: () => "rules",
    sourceBuild: (model) => `Gemini (${model}) at build time`,
    sourceLive: (model) => `Gemini (${model}) live, on your key`,
    endpointNotUrl: () => "the endpoint is not a URL",
    endpointHttps: () => "the endpoint must use https (plain http only on 127.0.0.1 or localhost)",
    endpointCredentials: () => "the endpoint may not carry a user name, password, query or fragment",
    endpointPolicy: (sources, origin) =>
      `this report's Content-Security-Policy lets it connect only to ${sources}; ` +
      `to use ${origin}, rebuild the report with GEMINI_BASE_URL set to it`,
    factSegment: "segment",
    factSegmentValue: (name, id) => `${name} (cluster ${id})`,
    factCustomers: "customers",
    factCustomersValue: (size, share, base) => `${size} (${share} of ${base})`,
    factChurn: "churn",
    factChurnValue: (rate, base) => `${rate} (base ${base})`,
    factPredicted: "predicted",
    factPredictedValue: (rate) => `${rate} mean probability`,
    factAxisValue: (axes, role, value, base) =>
      axes.preset
        ? role === "recency"
          ? `${value} days since last order (base ${base})`
          : role === "frequency"
            ? `${value} orders last month (base ${base})`
            : `${value} cashback (base ${base})`
        : `${role === "recency" ? axes.r : role === "frequency" ? axes.f : axes.m} ${value} (base ${base})`,
    priority: (p) => `Priority: ${p}`,
    sourceLabel: "Source: ",
    model: (model) => ` · model ${model}`,
    onYourKey: " · on your key",
    fallback: (reason) => `Gemini was asked for this card and failed (${reason}), so the rules wrote it.`,
    who: "Who they are",
    risk: "Main risk",
    actions: "What to do",
    liveTitle: "Regenerate with Gemini, on your own key",
    keyLabel: "Gemini API key ",
    keyPlaceholder: "paste a key to enable the buttons",
    keyNoteBefore:
      "Your key stays in this page's memory only: it is not saved (no cookie, no local storage), never put in the page's address, and is sent only to ",
    keyNoteAfter:
      " in the request's x-goog-api-key header, with the group's aggregate figures (no customer rows). Reloading the page forgets it.",
    advanced: "Advanced: model and endpoint",
    modelLabel: "Model ",
    endpointLabel: "Endpoint ",
    noEndpoint: "(no valid endpoint)",
    regenerateAll: "Regenerate all cards",
    noCard: "personas.json has no card for this group.",
    regenerate: "Regenerate with Gemini live",
    notSent: (reason) => `Not sent: ${reason}. The text above is unchanged.`,
    asking: "Asking Gemini…",
    liveFailed: (message, source) => `Gemini live failed: ${message}. The text above is unchanged (${source}).`,
  },
};
