import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cellText, downloadName, fileStem, pngName, tableCsv } from "../src/lib/downloads.js";

describe("downloadName", () => {
  it("folds a title into a file name", () => {
    assert.equal(downloadName("Churn rate by city tier", "svg"), "churn-rate-by-city-tier.svg");
    assert.equal(downloadName("  Complaint and churn: a 2 × 2 table ", "csv"), "complaint-and-churn-a-2-2-table.csv");
    assert.equal(downloadName("../../etc/passwd", "csv"), "etc-passwd.csv");
  });
  it("keeps letters of any script", () => {
    assert.equal(downloadName("도시 등급별 이탈률", "png"), "도시-등급별-이탈률.png");
  });
  it("falls back when a title has no letters or digits", () => {
    assert.equal(downloadName(" — ", "svg", "chart"), "chart.svg");
    assert.equal(downloadName("", "csv"), "download.csv");
  });
  it("cuts long titles without a trailing hyphen", () => {
    const name = downloadName(`${"a".repeat(79)} b`, "svg");
    assert.equal(name, `${"a".repeat(79)}.svg`);
  });
});

describe("pngName", () => {
  it("says the pixel ratio above 1", () => {
    assert.equal(pngName("Gains", 1), "gains.png");
    assert.equal(pngName("Gains", 2), "gains@2x.png");
  });
});

describe("cellText", () => {
  it("collapses white space", () => assert.equal(cellText("  a\n  b\tc "), "a b c"));
});

describe("tableCsv", () => {
  it("quotes, neutralises text and leaves plain numbers as shown", () => {
    const csv = tableCsv(
      ["name", "value"],
      [
        ['=HYPERLINK("x")', "-0.120"],
        ["a, b", "1,234"],
        ["-note", "1e-5"],
        ['say "hi"', "12%"],
      ],
    );
    assert.equal(
      csv,
      '\uFEFFname,value\r\n"\'=HYPERLINK(""x"")",-0.120\r\n"a, b","1,234"\r\n\'-note,1e-5\r\n"say ""hi""",12%\r\n',
    );
  });
});

describe("fileStem", () => {
  it("keeps Hangul and folds the rest, as the downloads' names do", () => {
    assert.equal(fileStem("충성 고액 고객"), "충성-고액-고객");
    assert.equal(fileStem("Loyal big spenders"), "loyal-big-spenders");
    assert.equal(fileStem('a/b\\c:d*e?f"g<h>i|j'), "a-b-c-d-e-f-g-h-i-j");
    assert.equal(fileStem(" — "), "");
  });
});
