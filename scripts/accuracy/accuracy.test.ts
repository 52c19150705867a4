import { describe, expect, it } from "vitest";
import { RECORDING_FILES } from "./corpus-files";
import { type AccuracyReport, formatReport, measureAccuracy } from "./measure-accuracy";

/**
 * The fixture-corpus quality bar. Issue 4: tool-call F1 ≥ 0.95 and exact arguments ≥ 0.9 over every scenario in
 * every format. Issue 10, per format: every format but Chrome traces reaches tool F1 ≥ 0.97, exact arguments
 * ≥ 0.95 and 100 % schema-valid calls; Chrome traces invent no argument and finish no action (every recognised
 * action is a review item). The table and the failing runs are printed so a failure says what was missed.
 */
const PAGE_FORMATS = Object.keys(RECORDING_FILES).filter((format) => format !== "chrome-trace");
describe("fixture corpus accuracy", () => {
  let report: AccuracyReport;

  it("runs every scenario in every recorded format", { timeout: 600_000 }, async () => {
    report = await measureAccuracy();
    process.stdout.write(`\n${formatReport(report)}\n`);
    const scenarios = new Set(report.runs.map((r) => r.scenario));
    expect(scenarios.size).toBeGreaterThanOrEqual(21);
    expect(new Set(report.runs.map((r) => r.format))).toEqual(new Set(Object.keys(RECORDING_FILES)));
    expect(report.runs.length).toBe(scenarios.size * Object.keys(RECORDING_FILES).length);
  });

  it("never lets a typed password into any output", () => {
    const leaks = report.runs.filter((r) => r.leakedSecrets.length).map((r) => `${r.scenario} [${r.format}]`);
    expect(leaks).toEqual([]);
  });

  it("reaches tool-call F1 ≥ 0.95", () => {
    expect(report.overall.f1).toBeGreaterThanOrEqual(0.95);
  });

  it("reaches exact-argument accuracy ≥ 0.9", () => {
    expect(report.overall.exactArguments).toBeGreaterThanOrEqual(0.9);
  });

  it.each(PAGE_FORMATS)("%s: tool F1 ≥ 0.97, exact arguments ≥ 0.95, every call schema-valid", (format) => {
    const summary = report.byFormat[format];
    expect(summary).toBeDefined();
    expect(summary?.f1).toBeGreaterThanOrEqual(0.97);
    expect(summary?.exactArguments).toBeGreaterThanOrEqual(0.95);
    expect(summary?.schemaValid).toBe(summary?.finished);
  });

  it("invents no argument in any format", () => {
    for (const [format, summary] of Object.entries(report.byFormat))
      expect(summary.inventedArguments, format).toBe(0);
  });

  it("makes every action recognised in a Chrome trace a review item, for most expected actions", () => {
    const trace = report.byFormat["chrome-trace"];
    expect(trace?.finished).toBe(0);
    expect(trace?.reasons.trace_only).toBe(trace?.reviewItems);
    // Recognisable from a trace: expected actions appear as review items, from address changes and from what a
    // closed form painted (a quick create's chip, "Label created"). What a trace cannot tell apart (a compose
    // discarded or sent, an editor closed or saved) costs precision, not recall.
    expect(trace?.recall).toBeGreaterThanOrEqual(0.95);
    expect(trace?.f1).toBeGreaterThanOrEqual(0.95);
  });
});
