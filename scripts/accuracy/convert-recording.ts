import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import {
  generateExamples,
  RULES_MODEL,
  resolveActionToolMap,
} from "@/lib/pipeline/examples/generate-examples";
import { mapArguments } from "@/lib/pipeline/examples/map-arguments";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import type { RedactionLevel } from "@/schemas/data-policy";
import type { ToolCallLike } from "./score-tool-calls";

export type ConvertedRecording = {
  toolCalls: ToolCallLike[];
  /** Actions marked for review, as the tool call they propose (`review: true`), with their reasons. */
  reviewItems: (ToolCallLike & { reasons: string[] })[];
  /** Actions not marked for review: how many there were, and how many of them gave schema-valid arguments. */
  finished: number;
  schemaValid: number;
  /** Suites the pipeline detected per window (window id → suite slug or "unknown"). */
  windowSuites: string[];
  /** Actions the pipeline found but did not emit (needs review, arguments invalid), for the failure report. */
  rejected: { slug: string; errors: string[] }[];
  importIssues: number;
  /** Which of the given secrets (typed passwords) appear anywhere in the pipeline's output. */
  leakedSecrets: string[];
};

/**
 * Runs one recording file through the same code path as `npx tracepipe convert`: import (format detected from the
 * bytes) → bronze → silver/gold → examples with the rules model, and returns the emitted tool calls.
 * `timezone` is the session's zone as a customer would state it on upload; formats that carry their own (native
 * `meta` events) are given none so that their own is what gets tested.
 */
export async function convertRecording(
  file: string,
  suite: string,
  timezone: string | undefined,
  secrets: string[] = [],
  redaction: RedactionLevel = "standard",
): Promise<ConvertedRecording> {
  const catalog = getBundledCatalog();
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const result = await runPipeline({
    sources: [{ stream, fileName: path.basename(file) }],
    suite,
    catalog,
    redaction,
    ...(timezone ? { timezone } : {}),
  });
  const examples = await generateExamples({
    actions: result.actions,
    suite,
    model: RULES_MODEL,
    catalog,
    format: "openai",
    ...(result.timezone ? { timezone: result.timezone } : {}),
  });
  const { map, server } = resolveActionToolMap(catalog, suite);
  const reviewItems = result.actions.flatMap((action) => {
    if (!action.needsReview) return [];
    const mapping = map.mappings.find((m) => m.action === action.slug);
    const tool = mapping && server.tools.find((t) => t.name === mapping.tool);
    if (!mapping || !tool) return [];
    const { arguments: args } = mapArguments(action, mapping, tool, result.timezone ?? timezone);
    return [{ tool: tool.name, arguments: args, review: true, reasons: action.reviewReasons ?? [] }];
  });
  const finished = result.actions.filter((action) => !action.needsReview).length;
  // Every layer a customer can see or we store: interactions (silver), actions (gold) and training records.
  const everything = JSON.stringify([
    result.interactions,
    result.actions,
    examples.records,
    examples.rejected,
  ]);
  return {
    leakedSecrets: secrets.filter((secret) => everything.includes(secret)),
    reviewItems,
    finished,
    schemaValid: examples.toolCalls.length,
    windowSuites: result.windows.map((w) => w.suite ?? "unknown"),
    toolCalls: examples.toolCalls.map((c) => ({ tool: c.tool, arguments: c.arguments })),
    rejected: examples.rejected.map((r) => ({ slug: r.slug, errors: r.errors })),
    importIssues: result.bronze?.issues.length ?? 0,
  };
}
