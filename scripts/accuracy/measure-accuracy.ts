import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { type RedactionLevel, redactionLevelSchema } from "@/schemas/data-policy";
import { convertRecording } from "./convert-recording";
import { CORPUS_DIR, type CorpusFormat, RECORDING_FILES } from "./corpus-files";
import {
  addTotals,
  emptyTotals,
  type Rates,
  ratesOf,
  type ScenarioScore,
  scoreToolCalls,
  type Totals,
} from "./score-tool-calls";

/**
 * Fixture-corpus accuracy: every scenario in e2e/fixtures/recordings, in every recorded format, through the whole
 * pipeline; tool-call precision/recall/F1 and exact-argument accuracy overall, per format and per suite.
 * `npx tsx scripts/accuracy/measure-accuracy.ts [dir] [--without-holdout] [--redaction=off|standard|strict]` prints
 * the table and the failures (bronze redacts at `standard` unless told);
 * held-out scenarios are also reported apart.
 */

const expectedSchema = z.object({
  scenario: z.string(),
  suite: z.string(),
  timezone: z.string().optional(),
  argumentsUnknownFor: z.array(z.string()).default([]),
  toolCalls: z.array(z.object({ tool: z.string(), arguments: z.record(z.string(), z.unknown()) })),
  secrets: z.array(z.string()).default([]),
  holdout: z.boolean().default(false),
});

export type RunResult = {
  scenario: string;
  /** Scenario held out while the recognisers were developed (scored, and reported apart, at the end). */
  holdout: boolean;
  suite: string;
  format: CorpusFormat;
  score: ScenarioScore;
  /** Actions that became review items, with their reasons. */
  reviewItems: { tool: string; reasons: string[] }[];
  /** Actions not sent to review, and how many of them gave schema-valid tool calls. */
  finished: number;
  schemaValid: number;
  windowSuites: string[];
  rejected: { slug: string; errors: string[] }[];
  leakedSecrets: string[];
  error?: string;
};

/** Tool-call rates plus the review and schema figures of a group of runs. */
export type Summary = Rates &
  Totals & {
    reviewItems: number;
    finished: number;
    schemaValid: number;
    schemaValidRate: number;
    /** Review items per reason. */
    reasons: Record<string, number>;
  };

export type AccuracyReport = {
  runs: RunResult[];
  overall: Summary;
  byFormat: Record<string, Summary>;
  bySuite: Record<string, Summary>;
  /** Per format, over held-out scenarios only (empty when none were scored). */
  holdoutByFormat: Record<string, Summary>;
};

/** `exclude` scores only the development scenarios (while developing); `include` scores every scenario. */
export type HoldoutMode = "include" | "exclude";

function summarise(runs: RunResult[]): Summary {
  const totals = emptyTotals();
  let reviewItems = 0;
  let finished = 0;
  let schemaValid = 0;
  const reasons: Record<string, number> = {};
  for (const run of runs) {
    addTotals(totals, run.score);
    reviewItems += run.reviewItems.length;
    finished += run.finished;
    schemaValid += run.schemaValid;
    for (const item of run.reviewItems)
      for (const reason of item.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  return {
    ...totals,
    ...ratesOf(totals),
    reviewItems,
    finished,
    schemaValid,
    schemaValidRate: finished === 0 ? 1 : schemaValid / finished,
    reasons,
  };
}

function groupBy(runs: RunResult[], key: (r: RunResult) => string): Record<string, Summary> {
  const groups = new Map<string, RunResult[]>();
  for (const run of runs) groups.set(key(run), [...(groups.get(key(run)) ?? []), run]);
  return Object.fromEntries([...groups].map(([k, v]) => [k, summarise(v)]));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export async function measureAccuracy(
  corpusDir = CORPUS_DIR,
  holdout: HoldoutMode = "include",
  redaction: RedactionLevel = "standard",
): Promise<AccuracyReport> {
  const runs: RunResult[] = [];
  const scenarios = (await readdir(corpusDir, { withFileTypes: true })).filter((d) => d.isDirectory());
  for (const dir of scenarios.map((d) => path.join(corpusDir, d.name)).sort()) {
    const expected = expectedSchema.parse(
      JSON.parse(await readFile(path.join(dir, "expected.json"), "utf8")),
    );
    if (expected.holdout && holdout === "exclude") continue;
    for (const [format, fileName] of Object.entries(RECORDING_FILES) as [CorpusFormat, string][]) {
      const file = path.join(dir, fileName);
      if (!(await exists(file))) continue;
      const compareArguments = !expected.argumentsUnknownFor.includes(format);
      const base = { scenario: expected.scenario, suite: expected.suite, format, holdout: expected.holdout };
      try {
        const converted = await convertRecording(
          file,
          expected.suite,
          format === "native" ? undefined : expected.timezone,
          expected.secrets,
          redaction,
        );
        runs.push({
          ...base,
          // Emitted calls and review items both name the tool; only emitted calls are judged on exact arguments
          // (a person completes a review item), but every call is checked for invented arguments.
          score: scoreToolCalls(expected.toolCalls, [...converted.toolCalls, ...converted.reviewItems], {
            compareArguments,
          }),
          reviewItems: converted.reviewItems.map((item) => ({ tool: item.tool, reasons: item.reasons })),
          finished: converted.finished,
          schemaValid: converted.schemaValid,
          windowSuites: converted.windowSuites,
          rejected: converted.rejected,
          leakedSecrets: converted.leakedSecrets,
        });
      } catch (error) {
        // A recording the pipeline cannot read produced no calls: every expected call is missed.
        runs.push({
          ...base,
          score: scoreToolCalls(expected.toolCalls, [], { compareArguments }),
          reviewItems: [],
          finished: 0,
          schemaValid: 0,
          windowSuites: [],
          rejected: [],
          leakedSecrets: [],
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return {
    runs,
    overall: summarise(runs),
    byFormat: groupBy(runs, (r) => r.format),
    bySuite: groupBy(runs, (r) => r.suite),
    holdoutByFormat: groupBy(
      runs.filter((r) => r.holdout),
      (r) => r.format,
    ),
  };
}

const pct = (n: number) => n.toFixed(3);

export function formatReport(report: AccuracyReport): string {
  const lines: string[] = [];
  const header =
    "| group | TP | FP | FN | precision | recall | tool F1 | arg pairs | exact args | schema-valid | invented args | review items (matched) |";
  const row = (name: string, r: Summary) =>
    `| ${name} | ${r.truePositives} | ${r.falsePositives} | ${r.falseNegatives} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${r.argumentPairs} | ${pct(r.exactArguments)} | ${r.schemaValid}/${r.finished} | ${r.inventedArguments} | ${r.reviewItems} (${r.reviewMatched})${
      Object.keys(r.reasons).length
        ? ` ${Object.entries(r.reasons)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`
        : ""
    } |`;
  lines.push(header, "|---|---|---|---|---|---|---|---|---|---|---|---|");
  lines.push(row("**overall**", report.overall));
  for (const [k, v] of Object.entries(report.byFormat)) lines.push(row(`format: ${k}`, v));
  for (const [k, v] of Object.entries(report.bySuite)) lines.push(row(`suite: ${k}`, v));
  for (const [k, v] of Object.entries(report.holdoutByFormat)) lines.push(row(`held out: ${k}`, v));
  const leaks = report.runs.filter((r) => r.leakedSecrets.length);
  lines.push(
    "",
    `Password leaks: ${leaks.length}${leaks.map((r) => ` ${r.scenario} [${r.format}]`).join(",")}`,
  );
  const failures = report.runs.filter(
    (r) =>
      r.error ||
      r.leakedSecrets.length ||
      r.score.missing.length ||
      r.score.extra.length ||
      r.score.mismatches.length,
  );
  lines.push("", `Failing runs: ${failures.length} of ${report.runs.length}`);
  for (const run of failures) {
    const parts: string[] = [];
    if (run.error) parts.push(`error: ${run.error}`);
    if (run.leakedSecrets.length) parts.push("a typed password appears in the output");
    if (run.score.missing.length) parts.push(`missing: ${run.score.missing.map((c) => c.tool).join(", ")}`);
    if (run.score.extra.length)
      parts.push(
        `extra: ${run.score.extra.map((c) => `${c.tool} ${JSON.stringify(c.arguments)}`).join("; ")}`,
      );
    for (const m of run.score.mismatches) {
      const diffs = m.differing.map(
        (k) => `${k}: expected ${JSON.stringify(m.expected[k])}, got ${JSON.stringify(m.actual[k])}`,
      );
      parts.push(`${m.tool} args — ${diffs.join("; ")}`);
    }
    if (run.rejected.length)
      parts.push(`rejected: ${run.rejected.map((r) => `${r.slug} (${r.errors.join("; ")})`).join(", ")}`);
    if (run.reviewItems.length)
      parts.push(`review: ${run.reviewItems.map((r) => `${r.tool} [${r.reasons.join(", ")}]`).join(", ")}`);
    lines.push(`- ${run.scenario} [${run.format}] ${parts.join(" | ")}`);
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const report = await measureAccuracy(
    args.find((arg) => !arg.startsWith("--")) ?? CORPUS_DIR,
    args.includes("--without-holdout") ? "exclude" : "include",
    redactionLevelSchema.parse(args.find((arg) => arg.startsWith("--redaction="))?.slice(12) ?? "standard"),
  );
  process.stdout.write(`${formatReport(report)}\n`);
}
