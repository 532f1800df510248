// The models page in Chromium: it renders cleanly with its charts labelled; the threshold slider recomputes the
// confusion matrix and the figures beside it (checked against figuresAt on the built models.json's exported test
// predictions); a cost input changes the expected cost; the policy buttons move the slider to thresholds re-chosen
// on the out-of-fold predictions; the leaderboard sorts by a clicked column.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import type { ModelsArtifact } from "../src/lib/models/artifact.js";
import { chooseThreshold, figuresAt } from "../src/lib/threshold.js";
import { assertCleanPage, assertChartsNamed, chartLabels, reportInChromium, requireBuiltSite } from "./helpers/site.js";

function builtModels(dist: string): ModelsArtifact {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => /^models\.[0-9a-f]+\.json$/.test(f));
  assert.ok(file, "the build has no models.json");
  return JSON.parse(readFileSync(join(dir, file), "utf-8")) as ModelsArtifact;
}

interface Cells {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

async function confusionOnPage(page: Page): Promise<Cells> {
  return page.$$eval("#threshold-confusion td[data-cell]", (tds) => {
    const out: Record<string, number> = {};
    for (const td of tds) out[td.getAttribute("data-cell") ?? ""] = Number((td.textContent ?? "").replace(/,/g, ""));
    return out as unknown as Cells;
  });
}

async function figuresText(page: Page): Promise<Record<string, string>> {
  return page.$$eval("#threshold-figures tr[data-figure]", (rows) =>
    Object.fromEntries(
      rows.map((r) => [r.getAttribute("data-figure") ?? "", r.querySelector("td")?.textContent ?? ""]),
    ),
  );
}

/**
 * Moves a slider to a value and dispatches input, as a reader dragging it would. The threshold slider runs
 * on a square-root scale (small thresholds stay reachable), so its knob goes to the value's square root.
 */
async function setSlider(page: Page, label: string, value: number): Promise<void> {
  const position = label === "threshold" ? Math.sqrt(value) : value;
  await page
    .locator("form", { hasText: label })
    .locator('input[type="range"]')
    .evaluate((input: HTMLInputElement, v: number) => {
      input.value = String(v);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, position);
}

async function waitForConfusion(page: Page, wanted: Cells): Promise<void> {
  await page.waitForFunction(
    // No named helper inside: tsx would wrap it in __name(), which the page does not have.
    (w) =>
      (["tp", "fp", "fn", "tn"] as const).every(
        (k) =>
          Number(
            (document.querySelector(`#threshold-confusion td[data-cell="${k}"]`)?.textContent ?? "").replace(/,/g, ""),
          ) === w[k],
      ),
    wanted,
    { timeout: 10_000 },
  );
}

describe("models page in Chromium", () => {
  const report = reportInChromium();
  let models: ModelsArtifact;
  before(() => {
    models = builtModels(requireBuiltSite());
  });

  const expected = (threshold: number): Cells => {
    const f = figuresAt(models.selectedPredictions.test.y, models.selectedPredictions.test.p, threshold);
    return { tp: f.tp, fp: f.fp, fn: f.fn, tn: f.tn };
  };

  it("renders cleanly: labelled charts, the leaderboard, the selected model named, the report's threshold", async () => {
    const { page, problems } = await report.open("/models");
    await assertCleanPage(page, problems);
    await assertChartsNamed(page, [
      "PR-AUC",
      "ROC curves",
      "Precision-recall curves",
      "Calibration",
      "Cumulative gains",
      "Lift",
      "against the threshold",
      "Permutation importance",
      "Gain importance",
      "original's protocol",
    ]);
    await chartLabels(page, "/models");
    const rows = await page.$$eval("#leaderboard tbody tr", (trs) => trs.map((tr) => tr.getAttribute("data-model-id")));
    assert.equal(rows.length, models.models.length);
    const selected = models.models.find((m) => m.id === models.selected.id)!;
    const text = await page.innerText("main");
    assert.ok(text.includes(`The report scores customers with ${selected.name}.`));
    assert.match(text, /Moving the slider explores the test set/);
    if (models.models.some((m) => m.id === "stacking"))
      assert.match(text, /Stacking ranks \w+ of \d+|stacking comes first/);
    // At load the slider stands at the report's threshold, and the matrix is the artifact's for that policy.
    const policy = models.selected.policy;
    assert.deepEqual(await confusionOnPage(page), selected.test.atThreshold[policy].confusion);
    await page.close();
  });

  it("moving the threshold slider changes the confusion matrix and precision, recall, F1, flagged and cost", async () => {
    const { page, problems } = await report.open("/models");
    const before = await confusionOnPage(page);
    const textBefore = await figuresText(page);
    // A threshold that flags a different set of test customers than the report's.
    const threshold = [0.5, 0.7, 0.3, 0.9, 0.1].find((t) => JSON.stringify(expected(t)) !== JSON.stringify(before))!;
    assert.ok(threshold !== undefined);
    await setSlider(page, "threshold", threshold);
    await waitForConfusion(page, expected(threshold));
    // On the square-root scale, the knob at the threshold's square root stands for the threshold itself.
    const box = page.locator("form", { hasText: "threshold" }).locator('input[type="number"]').first();
    assert.ok(Math.abs(Number(await box.inputValue()) - threshold) < 1e-9, `the box shows ${await box.inputValue()}`);
    const after = await confusionOnPage(page);
    assert.notDeepEqual(after, before);
    assert.equal(after.tp + after.fp + after.fn + after.tn, models.protocol.testRows);
    const textAfter = await figuresText(page);
    for (const key of ["precision", "recall", "f1", "flagged", "cost"]) {
      assert.ok(textAfter[key], `no ${key} figure`);
      assert.notEqual(textAfter[key], textBefore[key], `${key} did not change with the threshold`);
    }
    const f = figuresAt(models.selectedPredictions.test.y, models.selectedPredictions.test.p, threshold);
    assert.ok(textAfter.recall.startsWith(`${(f.recall * 100).toFixed(1)}%`), textAfter.recall);
    assert.ok(textAfter.precision.startsWith(`${(f.precision * 100).toFixed(1)}%`), textAfter.precision);
    assert.ok(textAfter.f1.startsWith(f.f1.toFixed(3)), textAfter.f1);
    assert.ok(textAfter.flagged.startsWith(String(f.tp + f.fp)), textAfter.flagged);
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });

  it("changing a cost changes the expected cost and re-chooses the lowest-cost threshold on out-of-fold predictions", async () => {
    const { page, problems } = await report.open("/models");
    const before = (await figuresText(page)).cost;
    const costs = { missedChurner: models.protocol.costs.missedChurner, needlessOffer: 5 };
    await page
      .locator("form", { hasText: "cost of a needless offer" })
      .locator('input[type="number"]')
      .fill(String(costs.needlessOffer));
    await page.waitForFunction(
      (old) => document.querySelector('#threshold-figures tr[data-figure="cost"] td')?.textContent !== old,
      before,
      { timeout: 10_000 },
    );
    const f = figuresAt(
      models.selectedPredictions.test.y,
      models.selectedPredictions.test.p,
      models.models.find((m) => m.id === models.selected.id)!.thresholds[models.selected.policy].threshold ?? Infinity,
    );
    const perCustomer = (f.fn * costs.missedChurner + f.fp * costs.needlessOffer) / models.protocol.testRows;
    const after = (await figuresText(page)).cost;
    assert.ok(after.startsWith(perCustomer.toFixed(3)), `${after} should start with ${perCustomer.toFixed(3)}`);
    // The lowest-cost button moves the slider to the threshold chosen on out-of-fold predictions at these costs.
    const choice = chooseThreshold(models.selectedPredictions.oof, { kind: "min-cost", costs }, costs);
    await page.locator('.policy-buttons button[data-policy="min-cost"]').click();
    const t = Number.isFinite(choice.threshold) ? choice.threshold : 1;
    // The knob on its square-root scale, the box with the threshold itself.
    const form = page.locator("form", { hasText: "threshold" }).last();
    const knob = Number(await form.locator('input[type="range"]').inputValue());
    const value = Number(await form.locator('input[type="number"]').inputValue());
    assert.ok(Math.abs(value - t) <= 1e-9, `slider at ${value}, policy threshold ${t}`);
    assert.ok(Math.abs(knob - Math.sqrt(t)) <= 1e-6, `knob at ${knob}, expected the square root of ${t}`);
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });

  it("the calibration chart draws one model at a time, the one its selector names", async () => {
    const { page } = await report.open("/models");
    const calibrationLabel = (): Promise<string[]> =>
      page.$$eval("svg[aria-label^='Calibration of']", (svgs) => svgs.map((s) => s.getAttribute("aria-label") ?? ""));
    const selected = models.models.find((m) => m.id === models.selected.id);
    const other = models.models.find((m) => m.id !== models.selected.id);
    assert.ok(selected && other, "the build has fewer than two models");
    assert.deepEqual(await calibrationLabel(), [
      `Calibration of ${selected.name} on the test set: predicted probability against observed churn rate`,
    ]);
    const select = page.locator("form", { hasText: "calibration of" }).locator("select");
    await select.selectOption({ label: other.name });
    await page.waitForFunction(
      (name) => document.querySelector(`svg[aria-label^='Calibration of ${name} ']`) !== null,
      other.name,
      { timeout: 10_000 },
    );
    const [label] = await calibrationLabel();
    assert.ok(label.startsWith(`Calibration of ${other.name} `), label);
    // The model's line is the one path stroked in its own colour (ticks and the diagonal take the group's).
    const lines = await page.$$eval("svg[aria-label^='Calibration of'] path[stroke]", (paths) => paths.length);
    assert.equal(lines, 1, "one model's line");
    await page.close();
  });

  it("the leaderboard sorts by a clicked column", async () => {
    const { page } = await report.open("/models");
    const order = () =>
      page.$$eval("#leaderboard tbody tr", (trs) => trs.map((tr) => tr.getAttribute("data-model-id") ?? ""));
    const byCv = [...models.models]
      .sort((a, b) => b.cv.averagePrecision.mean - a.cv.averagePrecision.mean)
      .map((m) => m.id);
    assert.deepEqual(await order(), byCv);
    await page.locator("#leaderboard th button", { hasText: "test ROC-AUC" }).click();
    const byTest = [...models.models].sort((a, b) => b.test.rocAuc.estimate - a.test.rocAuc.estimate).map((m) => m.id);
    assert.deepEqual(await order(), byTest);
    assert.equal(
      await page.locator("#leaderboard th", { hasText: "test ROC-AUC" }).getAttribute("aria-sort"),
      "descending",
    );
    await page.close();
  });
});
