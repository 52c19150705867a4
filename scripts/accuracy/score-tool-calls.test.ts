import { describe, expect, it } from "vitest";
import { differingArguments, ratesOf, scoreToolCalls } from "./score-tool-calls";

const send = (to: string[], subject: string) => ({
  tool: "send_email",
  arguments: { to, subject, body: "Hi" },
});

describe("scoreToolCalls", () => {
  it("counts an exact call as a true positive with exact arguments", () => {
    const s = scoreToolCalls([send(["a@x.com"], "S")], [send(["a@x.com"], "S")], { compareArguments: true });
    expect(s).toMatchObject({
      truePositives: 1,
      falsePositives: 0,
      falseNegatives: 0,
      argumentPairs: 1,
      exactArguments: 1,
    });
  });

  it("reports a wrong argument as a mismatch, an extra call as a false positive and a missed one as a false negative", () => {
    const s = scoreToolCalls(
      [send(["a@x.com"], "S"), { tool: "create_label", arguments: { name: "L" } }],
      [send(["a@x.com"], "Typo"), { tool: "search_emails", arguments: { query: "q" } }],
      { compareArguments: true },
    );
    expect(s.truePositives).toBe(1);
    expect(s.falsePositives).toBe(1);
    expect(s.falseNegatives).toBe(1);
    expect(s.exactArguments).toBe(0);
    expect(s.mismatches[0]?.differing).toEqual(["subject"]);
    expect(s.extra[0]?.tool).toBe("search_emails");
    expect(s.missing[0]?.tool).toBe("create_label");
  });

  it("pairs a duplicate tool with the exact candidate first", () => {
    const s = scoreToolCalls([send(["a@x.com"], "S")], [send(["a@x.com"], "wrong"), send(["a@x.com"], "S")], {
      compareArguments: true,
    });
    expect(s.exactArguments).toBe(1);
    expect(s.falsePositives).toBe(1);
  });

  it("ignores arguments when the format carries none", () => {
    const s = scoreToolCalls([send(["a@x.com"], "S")], [{ tool: "send_email", arguments: {} }], {
      compareArguments: false,
    });
    expect(s).toMatchObject({ truePositives: 1, argumentPairs: 0, exactArguments: 0 });
  });
});

describe("differingArguments", () => {
  it("treats empty optional values as absent, arrays as sets and line endings as equal", () => {
    expect(
      differingArguments(
        { to: ["a@x.com", "b@x.com"], body: "one\ntwo" },
        { to: ["b@x.com", "a@x.com"], body: "one\r\ntwo ", cc: [], subject: "" },
      ),
    ).toEqual([]);
  });

  it("compares datetimes and numbers strictly", () => {
    expect(
      differingArguments({ start: "2026-12-02T14:30:00-05:00" }, { start: "2026-12-02T19:30:00Z" }),
    ).toEqual(["start"]);
    expect(differingArguments({ issue_number: 17 }, { issue_number: "17" })).toEqual(["issue_number"]);
  });
});

describe("review items and invented arguments", () => {
  it("counts a review item for the tool but not for exact arguments, and prefers an emitted call", () => {
    const review = { ...send(["a@x.com"], "S"), review: true };
    const s = scoreToolCalls([send(["a@x.com"], "S")], [review], { compareArguments: true });
    expect(s).toMatchObject({ truePositives: 1, reviewMatched: 1, argumentPairs: 0, exactArguments: 0 });
    const both = scoreToolCalls([send(["a@x.com"], "S")], [review, send(["a@x.com"], "S")], {
      compareArguments: true,
    });
    expect(both).toMatchObject({ truePositives: 1, falsePositives: 1, reviewMatched: 0, exactArguments: 1 });
  });

  it("counts arguments the expected call does not have as invented, even without comparing values", () => {
    const s = scoreToolCalls(
      [{ tool: "create_issue", arguments: { owner: "o", repo: "r" } }],
      [{ tool: "create_issue", arguments: { owner: "o", repo: "r", title: "made up", body: "" } }],
      { compareArguments: false },
    );
    expect(s.inventedArguments).toBe(1);
  });
});

describe("ratesOf", () => {
  it("computes precision, recall and F1", () => {
    const r = ratesOf({
      truePositives: 8,
      falsePositives: 2,
      falseNegatives: 0,
      argumentPairs: 8,
      exactArguments: 6,
      reviewMatched: 0,
      inventedArguments: 0,
    });
    expect(r.precision).toBeCloseTo(0.8);
    expect(r.recall).toBe(1);
    expect(r.f1).toBeCloseTo(0.8889, 3);
    expect(r.exactArguments).toBeCloseTo(0.75);
  });
});
