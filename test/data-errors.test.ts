import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EXAMPLES_PER_GROUP, InputError, IssueCollector } from "../src/lib/data/errors.js";

describe("InputError", () => {
  it("a whole-file problem is one line naming the file", () => {
    const error = InputError.fileProblem("data.csv", "is empty");
    assert.equal(error.message, "data.csv: is empty");
    assert.equal(error.total, 1);
    assert.equal(error.issues[0].file, "data.csv");
    assert.ok(error instanceof Error);
  });

  it("names file, column, line and value, a few of each kind and how many more", () => {
    const issues = new IssueCollector("in.csv");
    for (let i = 0; i < 8; i++)
      issues.add({ column: "Tenure", row: 2 + i, value: `x${i}`, problem: "is not a number" });
    issues.add({ column: "Churn", row: 4, value: "2", problem: "must be 0 or 1" });
    const error = issues.toError();
    assert.equal(error.total, 9);
    assert.equal(error.groups.length, 2);
    assert.equal(error.groups[0].count, 8);
    assert.equal(error.groups[0].examples.length, EXAMPLES_PER_GROUP);
    assert.equal(error.issues.length, EXAMPLES_PER_GROUP + 1);
    const lines = error.message.split("\n");
    assert.equal(lines[0], "in.csv: 9 problems in the input");
    assert.equal(lines[1], "  column Tenure (8 times):");
    assert.equal(lines[2], '    line 2: "x0" is not a number');
    assert.ok(error.message.includes("… and 3 more like this"));
    assert.ok(error.message.includes('  column Churn (1 time):\n    line 4: "2" must be 0 or 1'));
  });

  it("workbook issues speak of sheet rows, not lines", () => {
    const issues = new IssueCollector("book.xlsx", "E Comm");
    issues.add({ column: "Tenure", row: 7, value: "abc", problem: "is not a number" });
    const error = issues.toError();
    assert.equal(error.issues[0].sheet, "E Comm");
    assert.match(error.message, /^book\.xlsx \(sheet "E Comm"\): 1 problem/);
    assert.match(error.message, /row 7: "abc" is not a number/);
  });

  it("throwIfAny throws only when there are issues", () => {
    const issues = new IssueCollector("f");
    issues.throwIfAny();
    issues.add({ problem: "bad" });
    assert.throws(() => issues.throwIfAny(), InputError);
  });
});
