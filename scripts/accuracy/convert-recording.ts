import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import {
  generateExamples,
  RULES_MODEL,
  resolveActionToolMap,
} from "@/lib/pipeline/examples/generate-examples";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import type { ToolCallLike } from "./score-tool-calls";

export type ConvertedRecording = {
  toolCalls: ToolCallLike[];
  /**
   * Every gold action as its tool, emitted or not (needs-review included), without arguments: what a format with no
   * typed text (Chrome traces) can offer — "action candidates, never invented parameter values".
   */
  candidates: ToolCallLike[];
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
): Promise<ConvertedRecording> {
  const catalog = getBundledCatalog();
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const result = await runPipeline({
    sources: [{ stream, fileName: path.basename(file) }],
    suite,
    catalog,
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
  const { map } = resolveActionToolMap(catalog, suite);
  const candidates = result.actions.flatMap((action) => {
    const tool = map.mappings.find((m) => m.action === action.slug)?.tool;
    return tool ? [{ tool, arguments: {} }] : [];
  });
  // Every layer a customer can see or we store: interactions (silver), actions (gold) and training records.
  const everything = JSON.stringify([
    result.interactions,
    result.actions,
    examples.records,
    examples.rejected,
  ]);
  return {
    leakedSecrets: secrets.filter((secret) => everything.includes(secret)),
    candidates,
    toolCalls: examples.toolCalls.map((c) => ({ tool: c.tool, arguments: c.arguments })),
    rejected: examples.rejected.map((r) => ({ slug: r.slug, errors: r.errors })),
    importIssues: result.bronze?.issues.length ?? 0,
  };
}
