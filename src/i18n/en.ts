// English: the language the pages are written in. Every other table has the same keys (strings.ts).
import { describeD } from "../lib/stats/tests.js";
import { enChanges } from "./en-changes.js";
import { enScore } from "./en-score.js";
import { enAnyTable } from "./en-anytable.js";
import type { Strings } from "./strings.js";
import { enSegments } from "./en-segments.js";
import { enModels, enModelsPage } from "./en-models.js";
import { enUnlabelled } from "./en-unlabelled.js";

export const en: Strings = {
  score: enScore,
  changes: enChanges,
  common: {
    languageName: "English",
    switchLabel: "Read this page in English",
    languageSwitchName: "Language",
    siteTitle: "Churn report",
    footer: "Churn report: an honest rebuild of an e-commerce churn analysis.",
    toggleSidebar: "Toggle sidebar",
    readMore: "Read more →",
    demoBannerTitle: "Synthetic demo data. ",
    demoBanner: (rows, file) =>
      `These figures come from generated customers (${rows} rows in ${file}), not from a real shop. Build with CHURN_DATA=your-file to see your own.`,
    dataBannerTitle: "Data: ",
    dataBanner: (file, rows, sha) => `${file}, ${rows} rows, sha256 ${sha}…`,
    downloadGroup: (title) => `Download ${title}`,
    downloadAs: (title, format) => `Download ${title} as ${format}`,
    downloadFailed: (format, reason) => `The ${format} file could not be made: ${reason}`,
  },
  pages: {
    index: {
      title: "Overview",
      headings: {
        main: "Which customers are about to leave?",
        holds: "What holds and what does not",
        guide: "How to read this report",
        provenance: "Provenance",
      },
    },
    data: {
      title: "Data and cleaning",
      headings: {
        main: "Data and cleaning",
        file: "The file",
        blanks: "Blank cells",
        spellings: "Spellings merged",
        duplicates: "Duplicated customers",
        columns: "Every column",
      },
    },
    eda: {
      title: "Exploration",
      headings: {
        main: "Who churns? A first look",
        share: "How many customers leave",
        satisfaction: "Churn by satisfaction score",
        tier: "Churn by city tier",
        pairs: "Time on the app and orders",
        complaint: "Churn with and without a complaint",
        growth: "Order-amount growth",
        columns: "The columns that move churn most",
        ranking: "Where to look: which columns move churn",
        explorer: "Explore any column",
      },
    },
    hypotheses: {
      title: "Hypotheses",
      headings: {
        main: "Three claims about churn, tested",
        satisfaction: "Do less satisfied customers churn more?",
        complaint: "Do customers who complained churn more?",
        recency: "Do customers whose last order was longer ago churn more?",
        claims: "Each claim, tested",
        explorer: "Test any column against churn",
      },
    },
    models: enModelsPage,
    segments: enSegments.page,
    score: {
      title: "Score customers",
      headings: {
        main: "Score your customers",
        threshold: "Decision threshold",
        customers: "Customers",
        segments: "By segment",
        downloads: "Downloads",
        whatIf: "What if?",
      },
    },
    changes: { title: "What changed", headings: { main: "What changed since the last build" } },
  },
  index: {
    whatChanged: "What changed",
    intro:
      "This report tells an e-commerce team which customers are likely to leave, why, which groups they fall into, " +
      "and which group to spend a retention budget on first. It rebuilds a student project's analysis and keeps " +
      "only the numbers that hold up on customers a model has never seen.",
    churnedLabel: "Customers who left",
    churnedDetail: (churners, rows, duplicates) =>
      `${churners} of ${rows} rows; ${duplicates} rows were copies of another customer`,
    modelLabel: "Model on unseen customers",
    modelValue: (auc) => `ROC-AUC ${auc}`,
    modelDetail: (model, interval, testRows) => `${model}; 95% interval ${interval} on ${testRows} held-out customers`,
    caughtLabel: "Churners caught",
    caughtDetail: (threshold, precision) =>
      `of test churners flagged at threshold ${threshold}; ${precision} of those flagged did leave`,
    groupLabel: "Group to save first",
    groupValue: (id) => `Group ${id}`,
    groupDetail: (name, size, churn) =>
      `${name}: ${size} customers, churn ${churn} (under the default offer assumptions)`,
    holds: (duplicates, testRows) =>
      "The original analysis claimed an accuracy of 0.994 and a recall of 1.0. It got there by letting copies of the " +
      "same customers sit on both sides of the train/test split and by choosing its decision threshold on the test " +
      `set itself. Here ${duplicates} duplicated rows are removed before splitting, every threshold is chosen on ` +
      `out-of-fold predictions of the training set, and the ${testRows} test customers are scored once. The honest ` +
      "figures are lower and come with intervals; the [Models](./models) page shows both protocols side by side.",
    comparison: (model, original, copies, honest) =>
      `For ${model}: under the original's protocol it scores accuracy ${original.accuracy} and recall ${original.recall} ` +
      `(threshold read off the test set, ${copies} test rows with a copy in training); honestly, accuracy ` +
      `${honest.accuracy} and recall ${honest.recall}.`,
    hypotheses: (contradicted) =>
      `Of the original's three hypotheses, ${
        contradicted === 0
          ? "none is contradicted by the data"
          : `${contradicted} ${contradicted === 1 ? "points" : "point"} the other way on this data`
      }: see [Hypotheses](./hypotheses).`,
    guide: {
      data: "[Data and cleaning](./data): what was in the file and everything done to it.",
      eda: "[Exploration](./eda): the original's six charts, with intervals, and an explorer for any column.",
      hypotheses: "[Hypotheses](./hypotheses): the three claims tested, with effect sizes and plain verdicts.",
      models: (count) =>
        `[Models](./models): ${count} models, cross-validated and tested once; the threshold and cost sliders.`,
      segments: (k) =>
        `[Segments and personas](./segments): ${k} groups by recency, frequency and cashback, who they are, and what to do.`,
      score: "[Score customers](./score): upload your own customers and get risk, reasons and segment in your browser.",
      changes:
        "[What changed](./changes): drift, last build's model on these customers, and segment moves, when built with a baseline.",
    },
    provenance: (p) =>
      `Built ${p.builtAt} from ${p.file} (${p.format}, ${p.rows} rows, SHA-256 ${p.sha256}), ${
        p.demo ? "the synthetic demo data shipped with the report" : "data supplied by the team that built it"
      }; random seed ${p.seed}.`,
  },
  hypothesis: {
    name: (h) => h.name,
    claim: (h) => h.claim,
    // The pipeline writes the English verdict from the same numbers (src/lib/stats/hypotheses.ts).
    verdict: (h) => h.verdict,
  },
  data: {
    intro:
      "Everything the pipeline did to the input before any model saw it: which columns it expects, what was " +
      "blank, which spellings it merged, which rows were copies of others, and what each column looks like.",
    file: (p) =>
      `The report was built from **${p.file}** (${p.format}${p.sheet ? `, sheet "${p.sheet}"` : ""}, ${p.bytes} bytes, ` +
      `SHA-256 \`${p.sha256}\`): ${p.rows} rows, of which ${p.churners} (${p.churnRate}) churned. Column descriptions ` +
      `come from ${p.fromFile ? "the workbook's own data dictionary" : "the project's schema (the file has no data dictionary)"}.`,
    extraColumns: (count, names) =>
      `The file also has ${count} column(s) the report does not use, carried along unchanged: ${names}.`,
    blanks: (columns, cells) =>
      `${columns} columns have blank cells, ${cells} in all. Blanks are not errors: the models fill them with the ` +
      "median of the training rows only (so nothing about the test customers leaks into training), and a blank " +
      "`OrderAmountHikeFromlastYear` also becomes its own 0/1 feature, `NoLastYearPurchase`, because a blank there " +
      "means the customer bought nothing last year. The tree models route blanks themselves and see them as blanks.",
    noBlanks: "No column has blank cells.",
    blankChartTitle: "Blank cells per column",
    blankChartDescription: (list) => `Blank cells: ${list}. Other columns have none.`,
    blankChartAxis: "blank cells (share of rows)",
    spellingsIntro:
      "The same thing is spelled more than one way in some category columns. The pipeline maps each variant to one " +
      "name and counts how many cells it changed:",
    spellingsCount: (cells, mappings) => `${cells} cells in ${mappings} mappings.`,
    noSpellings: "No variant spellings were found.",
    spellingHeaders: ["column", "as written", "merged into", "cells"],
    duplicates: (p) =>
      `${p.count} rows (${p.share}) are exact copies of an earlier row once the customer ID is ignored, in ${p.groups} ` +
      `groups, leaving ${p.distinct} distinct customers with a churn rate of ${p.distinctChurnRate}. A random split ` +
      "that keeps them puts the same customer on both sides and inflates every score, so the models, hypothesis tests " +
      "and segments use distinct customers only." +
      (p.afterNormalising > 0
        ? ` A further ${p.afterNormalising} row(s) would match another row only after spellings are merged; those ` +
          "differ in the file as written and are kept."
        : ""),
    noDuplicates: "No duplicated rows.",
    duplicateHeaders: ["row in file", "customer ID", "copies row", "of customer ID"],
    duplicateCaption: (count) => `The first ${count} copies`,
    schemaHeaders: ["column", "kind", "meaning", "valid values", "blank cells"],
    inFile: (name, nameInFile) => `${name} (in file: ${nameInFile})`,
    kinds: { numeric: "numeric", category: "category", id: "id", target: "target", extra: "extra" },
    profileHeaders: ["column", "kind", "blank", "distinct", "min", "median", "mean", "max", "sd / most common"],
    categoryColumn: "Category column",
    categoryChartTitle: (column) => `Customers by ${column}`,
    customersAxis: "customers",
  },
  stats: {
    testName: (name) => name,
    magnitude: (d) => describeD(d),
    rateText: (rate, interval, n) => `${rate} (95% CI ${interval}, n = ${n})`,
    ci: (interval) => `95% CI ${interval}`,
    missingPolicy: (column, rows, missing, kept, none) =>
      none
        ? `${column} has no blank values: n = ${rows}.`
        : `Blank values dropped for this column only: n = ${kept} of ${rows} ` +
          `(${missing} blank ${column} value${missing === "1" ? "" : "s"} left out).`,
    rowsDescription: ({ choice, rows, duplicates, copies }) =>
      duplicates === 0
        ? `The statistics use all ${rows} rows: no row repeats another customer, so there are no duplicates to remove.`
        : choice === "distinct"
          ? `The statistics use ${rows} distinct customers: the ${copies} row${duplicates === 1 ? "" : "s"} that repeat an earlier customer under ` +
            "a new ID are left out, because a customer counted twice makes differences look more certain than they are."
          : `The statistics use all ${rows} rows, as the original analysis did, including the ${copies} row${duplicates === 1 ? "" : "s"} that ` +
            "repeat an earlier customer under a new ID: those customers count twice, so p-values come out smaller than the data justify.",
    sampled: (p) =>
      `${p.description} The data has ${p.distinct} distinct customers (${p.rows} rows), ` +
      `more than a page is sent: these figures come from a seeded sample of ${p.kept} of them, ` +
      "stratified by churn, with their copies; a p-value on a sample is larger than on all customers.",
    multipleComparisons: (tests, alpha, expected, familyWise, bar) =>
      tests <= 1
        ? `One test at the ${alpha} level: a false alarm has probability ${alpha} when the column and churn are unrelated.`
        : `${tests} columns tested: even if none were related to churn, about ${expected} of them would reach p < ${alpha} by chance ` +
          `(a ${familyWise}% chance of at least one if the tests were independent). ` +
          `Hold each to ${alpha}/${tests} = ${bar} (Bonferroni) or use Holm-adjusted p-values before calling one a finding.`,
    rowsLabel: "Rows used",
    rowsDistinct: "distinct customers (duplicates removed)",
    rowsAll: "all rows, duplicates included (as the original)",
    stayed: "stayed",
    churned: "churned",
  },
  hypotheses: {
    intro:
      "The original analysis stated three hypotheses: customers with **lower satisfaction** churn more, customers " +
      "who **complained** churn more, and customers whose **last order was longer ago** churn more. Each is tested " +
      "here in your browser on the cleaned data, with the effect's size and its interval, and given a verdict " +
      "written from the numbers. Where the data point the other way from the claim, the verdict says so.",
    rowsNote: ({ description, distinct, sampled, check }) =>
      `${description} ${
        distinct
          ? "This is the report's default and what the build-time hypotheses.json holds."
          : "Choose distinct customers for the figures this report stands behind."
      } ${
        check ??
        (sampled
          ? "(The build-time hypotheses.json is computed on all distinct customers, not this sample, so it is not compared here.)"
          : "(The build-time hypotheses.json is computed on distinct customers, so it is not compared here.)")
      }`,
    missingNote:
      "**Missing values.** Each test drops blank cells in its own column only, so a customer with a blank last-order " +
      "date still counts in the satisfaction and complaint tests. Nothing is filled in: imputation would invent values " +
      "exactly where the groups are being compared. Each test states its n and how many blanks it left out.",
    testsNote:
      "**Tests.** For a number (satisfaction score, days since the last order): Welch's t-test, which does not assume " +
      "equal spread in the two groups, read first; Student's t-test, as the original ran; Mann-Whitney U, which " +
      "compares ranks and so does not lean on the scores being evenly spaced; and Cohen's d with its 95% interval. " +
      "For a yes/no column (complaint): the chi-square test of independence with Yates's correction (the scipy " +
      "default for a 2 × 2 table) and without it, Cramér's V, and the difference in churn rate with its 95% " +
      "interval. p-values are two-sided; the verdicts use the 5% level.",
    claimed: (claim, direction) => `The original claimed: *${claim}* ${direction}`,
    satisfactionChart:
      "The chart shows the satisfaction scores of customers who stayed and of those who churned, each as a share " +
      "of its group, with the group's mean dashed.",
    complaintChart: "The chart shows the churn rate of each group with its 95% interval and size.",
    recencyChart:
      "The chart shows the days since the last order for customers who stayed and for those who churned, with " +
      "each group's mean dashed.",
    direction: (d) =>
      d === "supports"
        ? "The data support the claim."
        : d === "contradicts"
          ? "The data contradict the claim: there is a clear difference, and it runs the other way."
          : "The data show no evidence either way.",
    verdictWord: (d) =>
      `Verdict: ${d === "supports" ? "supported" : d === "contradicts" ? "contradicted" : "not shown either way"}. `,
    satisfactionCaption: "Satisfaction score: stayed against churned",
    complaintCaption: "Complaint and churn: a 2 × 2 table",
    recencyCaption: "Days since the last order: stayed against churned",
    testsHeaders: ["test or effect size", "value", "df", "p", "note"],
    groupsCaption: "The groups compared (blank values left out)",
    meanHeaders: (column) => ["group", "n", `mean ${column}`, "95% CI of the mean", "standard deviation"],
    rateHeaders: (column) => [column, "customers", "churned", "churn rate", "95% CI (Wilson)"],
    cramerNote: "effect size (0 none, 1 complete); p of the uncorrected χ²",
    effectNote: (magnitude) => `${magnitude} effect`,
    complainedMinusNot: (name) => `${name} (complained − not)`,
    pointsCi: (interval) => `95% CI ${interval} (Newcombe)`,
    welchNote: "unequal variances; read this one first",
    studentNote: "pooled variance",
    mannWhitneyNote: (method) => `${method}; ranks, so skew and outliers matter less`,
    cramerScale: "0 none, 1 complete",
    rateDifferenceName: (label) => `Difference in churn rate (${label})`,
    complaintGroup: "complaint last month",
    complaintChartTitle: (name) => `${name}: churn rate with and without a complaint`,
    distributionChartTitle: (name, column) =>
      `${name}: ${column} of customers who stayed and who churned, with each group's mean`,
    columnRateChartTitle: (column) => `Churn rate by ${column}, the groups the χ² test compares`,
    columnDistributionChartTitle: (column) =>
      `${column} of customers who stayed and who churned, the groups the t-tests compare`,
    explorerIntro:
      "Pick a column and the fitting test runs on it: a column with two values (such as Complain) or of categories " +
      "gets the chi-square test and Cramér's V, with the churn rate of each level; any other number gets Welch's and " +
      "Student's t-tests, Mann-Whitney U and Cohen's d, with the two groups' distributions. A number with a few whole " +
      "values, such as CityTier (1 to 3), can be tested either way: as a number, or as levels with each one's churn rate.",
    columnLabel: "Column to test",
    testAs: (column, levels) => `Test ${column} (${levels} values) as`,
    asNumbers: "numbers",
    asCategories: "categories",
    againstChurn: (column) => `${column} against churn`,
    columnIntro: (column, description, sentence) =>
      description === "" ? `**${column}**. ${sentence}` : `**${column}**: ${description}. ${sentence}`,
    untestable: (column, note) => `${column} cannot be tested on this data: ${note ?? "the test is undefined"}.`,
    numericSentence: (p) =>
      `Customers who churned had a ${p.higher === null ? "the same" : p.higher ? "higher" : "lower"} mean ${p.column} ` +
      `(${p.churned}) than those who stayed (${p.stayed}). Welch's t = ${p.welch}: ` +
      (p.significant
        ? `a gap this large would rarely arise by chance (significant at the ${p.alpha * 100}% level)`
        : `a gap chance could explain (not significant at the ${p.alpha * 100}% level)`) +
      `; Cohen's d (stayed − churned) = ${p.d} (95% CI ${p.dInterval}), a ${p.magnitude} effect.`,
    categorySentence: (p) =>
      `Churn is highest for ${p.column} ${p.hi}, ${p.hiRate}, and lowest for ${p.lo}, ${p.loRate}. ` +
      `${p.test} χ² = ${p.chi}: ` +
      (p.significant
        ? `churn depends on ${p.column} beyond what chance would explain at the ${p.alpha * 100}% level`
        : `no evidence at the ${p.alpha * 100}% level that churn depends on ${p.column}`) +
      `; Cramér's V = ${p.v}.` +
      (p.difference
        ? ` The difference (${p.difference.label}) is ${p.difference.value} (95% CI ${p.difference.interval}).`
        : ""),
    manyTitle: "Testing many columns.",
    holm: (columns, column, holm, unadjusted) =>
      `Over all ${columns} columns the explorer offers, the Holm-adjusted p-value of ${column} is ${holm} (unadjusted ${unadjusted}).`,
    family: (count, alpha, bar, changed) =>
      `The three hypotheses above were fixed in advance by the original analysis, a family of ${count} tests: ` +
      `held to ${alpha}/${count} = ${bar} each (Bonferroni)` +
      (changed.length === 0
        ? ", every verdict stays as it is."
        : `, the verdict on ${changed.join(" and ")} would become "no evidence either way".`),
    buildSame:
      "These tests, run in your browser, give the same statistics and p-values as the build-time run (hypotheses.json).",
    buildDiffers: (names) =>
      `The browser's result differs from the build-time hypotheses.json for: ${names}. The page shows the browser's figures.`,
  },
  charts: {
    group: (g) => g,
    groupTick: (group, n) => `${group} (n = ${n})`,
    shareTitle: "Customers who stayed and who churned",
    shareItem: (group, n, share) => `${group}: ${n} customers (${share})`,
    shareAxis: "share of customers →",
    noCustomersFor: (groupLabel) => `No customers to show for ${groupLabel}.`,
    rateDescription: (groupLabel, items, overall) =>
      `Churn rate by ${groupLabel}, with 95% intervals: ${items}${overall ? `. All customers: ${overall}.` : "."}`,
    rateItem: (label, rate, interval, n) => `${label}: ${rate} (${interval}), n = ${n}`,
    rateAxis: (groupLabel) => `churn rate by ${groupLabel}, with 95% interval →`,
    allCustomers: (rate) => `all customers ${rate}`,
    rateDotTitle: (label, churned, n, rate, interval) =>
      `${label}: ${churned} of ${n} churned, ${rate} (95% CI ${interval})`,
    noPairs: (x, y) => `No customer has both ${x} and ${y}.`,
    pairTitle: (x, y) => `${x} against ${y}, for customers who stayed and who churned`,
    pairDescription: (p) =>
      `Two panels, stayed (n = ${p.nStayed}) and churned (n = ${p.nChurned}); each dot is a pair of values, ` +
      `its area the share of the group's customers with that pair. Mean ${p.x}: stayed ${p.meanX.stayed}, ` +
      `churned ${p.meanX.churned}; mean ${p.y}: stayed ${p.meanY.stayed}, ` +
      `churned ${p.meanY.churned}. ${p.blank} customers with a blank in either column are left out.`,
    groupShare: "share of the group",
    pairDotTitle: (group, count, share, x, xValue, y, yValue) =>
      `${group}: ${count} customers (${share}) at ${x} ${xValue}, ${y} ${yValue}`,
    mean: "mean",
    noValues: (column) => `${column} has no values to show.`,
    distributionTitle: (column) => `Distribution of ${column} for customers who stayed and who churned`,
    distributionDescription: (histogram, column, parts, blanks) =>
      `${histogram ? "Histogram" : "Bars"} of ${column}, share of each group: ${parts}` +
      (blanks ? `. ${blanks} blank values are not drawn.` : "."),
    groupShareAxis: "↑ share of the group",
    barTitle: (group, label, count, share) => `${group}: ${label}, ${count} customers (${share} of the group)`,
    meanLabel: (mean) => `mean ${mean}`,
  },
  eda: {
    columnMeaning: (_column, english) => english,
    complained: "complained",
    noComplaint: "no complaint",
    intro:
      "The original analysis's six views of the data, each under the sentence it supports, then a ranking of " +
      "the columns by how much each one alone moves churn, and an explorer for any column. Every figure in the " +
      "text is computed in your browser from the cleaned data, so it stays true whatever data the report is built from.",
    rowsNote: (description) =>
      `${description} Blank cells are left out of each view for that column only (a blank in one column never removes ` +
      "a customer from another view); where a column has blanks, their count, and their churn rate where it matters, is given.",
    shareSentence: (p) =>
      `Of the ${p.rows} ${p.distinct ? "distinct customers" : "rows"}, ${p.churned} churned: ${p.rate} ` +
      `(95% CI ${p.interval}); the other ${p.stayed} stayed, ` +
      `so a model that always answered "stays" would already be right ${p.always} of the time.`,
    rateBy: (p) => {
      if (p.shape === "tooFew")
        return `There are too few groups of ${p.noun} with customers in them to compare churn rates.`;
      if (p.shape === "same") return `Churn is the same, ${p.hi.rate}, in every group of ${p.noun}.`;
      const head =
        p.shape === "rises"
          ? `Churn rises with ${p.noun}: from ${p.first.rate} at ${p.first.name} to ${p.last.rate} at ${p.last.name}`
          : p.shape === "falls"
            ? `Churn falls as ${p.noun} grows: from ${p.first.rate} at ${p.first.name} to ${p.last.rate} at ${p.last.name}`
            : p.shape === "broadlyRises"
              ? `Churn broadly rises with ${p.noun}, though not at every step: lowest at ${p.lo.name}, ${p.lo.rate}, highest at ${p.hi.name}, ${p.hi.rate}`
              : p.shape === "broadlyFalls"
                ? `Churn broadly falls as ${p.noun} grows, though not at every step: highest at ${p.hi.name}, ${p.hi.rate}, lowest at ${p.lo.name}, ${p.lo.rate}`
                : p.shape === "mixed"
                  ? `Churn does not move one way with ${p.noun}: it is highest at ${p.hi.name}, ${p.hi.rate}, and lowest at ${p.lo.name}, ${p.lo.rate}`
                  : `Across ${p.noun}, churn is highest for ${p.hi.name}, ${p.hi.rate}, and lowest for ${p.lo.name}, ${p.lo.rate}`;
      const tail = p.overlap
        ? "; the highest and lowest groups' 95% intervals overlap, so even that gap could be chance."
        : "; the highest and lowest groups' 95% intervals do not overlap.";
      return head + tail + (p.blank ? ` Customers with a blank ${p.column} churned at ${p.blank}.` : "");
    },
    satisfactionNoun: "the satisfaction score",
    satisfactionNote:
      "The dashed line is the churn rate of all customers; each bar is a 95% interval, and n is the size of the group.",
    satisfactionGroup: "satisfaction score",
    satisfactionChart: "Churn rate by satisfaction score",
    tierNoun: "the city tier",
    tier: (level) => `tier ${level}`,
    tierGroup: "city tier",
    tierChart: "Churn rate by city tier",
    pairs: (p) =>
      `Among the ${p.n} customers with both values, those who churned spent ` +
      `${p.churnedHours} hours on the app on average and placed ${p.churnedOrders} orders last month; ` +
      `those who stayed, ${p.stayedHours} hours and ${p.stayedOrders} orders. On its own, time on the app separates ` +
      `the two groups with a strength of ${p.strengthX} and order count with ${p.strengthY}, ` +
      "on a scale where 0 is no separation and 1 is perfect.",
    pairNote:
      "Each dot is one combination of the two values; its area is the share of the group's customers who have it, " +
      "so the smaller churned group can be compared with the larger one. The cross marks each group's mean.",
    pairBlank: (n) => `${n} customers with a blank HourSpendOnApp or OrderCount are not in this view.`,
    complaint: (p) =>
      !p.comparable
        ? "The data do not hold both customers who complained and customers who did not, so the two cannot be compared."
        : `Customers who complained churned ${p.sign === 0 ? "just as often as" : `${p.sign > 0 ? "more" : "less"} often than`} ` +
          `those who did not: ${p.with} against ${p.without}, a difference of ${p.difference} (95% CI ${p.interval}), ` +
          `${p.excludesZero ? "an interval that excludes no difference" : "an interval that includes no difference"}.`,
    complaintChart: "Churn rate with and without a complaint",
    growth: (p) => {
      const where =
        p.where === "none"
          ? "cannot be compared"
          : p.where === "overlap"
            ? "largely overlap"
            : p.where === "higher"
              ? "differ: churned customers sit higher"
              : "differ: churned customers sit lower";
      return (
        `The order-amount growth of customers who churned (median ${p.churned.median}, middle half ${p.churned.q1} to ${p.churned.q3}, n = ${p.churned.n}) ` +
        `and of those who stayed (median ${p.stayed.median}, middle half ${p.stayed.q1} to ${p.stayed.q3}, n = ${p.stayed.n}) ${where} ` +
        `(a churn signal of ${p.strength} on the 0-to-1 scale below).` +
        (p.blank
          ? ` ${p.blank.n} customers have a blank here (no purchase last year, left out of the chart); they churned at ${p.blank.rate}.`
          : "")
      );
    },
    growthNote:
      "The whole distribution of each group is drawn, not only its quartiles; the dashed line is the group's mean.",
    growthChart: "Order-amount growth from last year, for customers who stayed and who churned",
    ranking: (p) => {
      const describe = (r: { column: string; strength: string; direction: string }): string =>
        // "most churn: Mobile Phone (26.3%)" would nest brackets inside the sentence's own.
        `${r.column} (${r.strength}; ${r.direction.replace(/ \(([^()]*)\)$/, " at $1")})`;
      const [top, ...rest] = p.top;
      return (
        `${describe(top)} moves churn the most on its own` +
        (rest.length > 0 ? `, followed by ${rest.map(describe).join(" and ")}` : "") +
        (p.last ? `; ${p.last.column} moves it the least (${p.last.strength}).` : ".")
      );
    },
    direction: (text) => text,
    noRanking: "No column can be ranked on this data.",
    rankingNote:
      "The signal is |2 AUC − 1|, where AUC is the ROC-AUC of the column used alone as a churn score: 0 means the " +
      "column does not separate the two groups at all, 1 that it separates them perfectly (the same scale as the " +
      "Models page's ROC-AUC). It is rank-based, so skewed columns and a few extreme values do not distort it, but a " +
      "relation that rises and then falls can score low: the explorer below shows the shape. A category column is " +
      "scored by its levels' churn rates. Hover a bar for the test's p-value (before any adjustment for testing many " +
      "columns: see the Hypotheses page) and Cramér's V.",
    rankingTitle: "Columns ranked by how strongly each one alone separates churned from retained customers",
    rankingDescription: (items) =>
      `Strength |2 AUC − 1| of each column used alone as a churn score (0 none, 1 perfect): ${items}.`,
    rankingAxis: "churn signal of the column alone, |2 AUC − 1| →",
    rankingBarTitle: (p) =>
      `${p.column}: strength ${p.strength} (ROC-AUC ${p.auc}); ${p.direction}; ` +
      `${p.test} p = ${p.p}; Cramér's V on the chart bins ${p.v}; n = ${p.n}`,
    columnLabel: "Column",
    explorerNote: (missingPolicy, histogram) =>
      `${missingPolicy} ${
        histogram
          ? "Numeric ranges are shown as a histogram; values past the 99th percentile share one open top bin (“≥”)."
          : "Each value or level has its own bar."
      } Distributions are shares of each group, so the shapes of the smaller churned group and the larger retained one can be compared.`,
    rateChartTitle: (column) => `Churn rate by ${column}`,
    rateMissing: (column, blanks) =>
      blanks === null
        ? `${column} has no blank values.`
        : `${blanks} customers with a blank ${column} are shown as their own group, not spread over the others.`,
  },
  segments: enSegments,
  anyTable: enAnyTable,
  models: enModels,
  unlabelled: enUnlabelled,
};
