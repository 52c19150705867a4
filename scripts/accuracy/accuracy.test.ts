import { describe, expect, it } from "vitest";
import { RECORDING_FILES } from "./corpus-files";
import { type AccuracyReport, formatReport, measureAccuracy } from "./measure-accuracy";

/**
 * The fixture-corpus quality bar of issue 4: tool-call F1 ≥ 0.95 and exact arguments ≥ 0.9 over every scenario in
 * every format. The table and the failing runs are printed so a failure says what the recognisers missed.
 */
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
});
