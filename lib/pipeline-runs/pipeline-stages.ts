import type { CanonicalEvent } from "@/schemas/events";
import type { GoldAction, Interaction, Window } from "@/schemas/pipeline";

// The pure pipeline as the durable runs see it: each stage streams in and out, and reports its summary once
// drained. The production binding (default-stages.ts) wires these to lib/pipeline.

export interface RawSource {
  stream: ReadableStream<Uint8Array>;
  fileName: string;
  format?: string;
  /** Stored (compressed) size: the decompression-bomb ratio is measured against it. */
  sizeBytes?: number;
}

export interface BronzeSummaryLike {
  formats: string[];
  issues: unknown[];
  timezone?: string;
  details: Record<string, unknown>;
}

export interface LlmUsage {
  /** Catalog model slug the tokens were spent on. */
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export interface PipelineStages {
  /** Imports and merges the sources into time-ordered bronze events; `finish()` once the events are drained. */
  bronze(sources: RawSource[]): {
    events: AsyncIterable<CanonicalEvent>;
    finish: () => Promise<BronzeSummaryLike>;
  };
  silver(events: AsyncIterable<CanonicalEvent>): {
    interactions: AsyncIterable<Interaction>;
    finish: () => { mergeRatios: Record<string, unknown> };
  };
  gold(input: {
    interactions: Interaction[];
    suite: string;
  }): Promise<{ windows: Window[]; actions: GoldAction[]; usage: LlmUsage[] }>;
  generateExamples(input: {
    actions: GoldAction[];
    suite: string;
    mapSlug: string;
    model: string;
    modelConfiguration: Record<string, unknown>;
    format: "openai" | "anthropic" | "sharegpt" | "gemini";
    multiStep: boolean;
    timezone?: string;
  }): Promise<{ records: unknown[]; rejected: unknown[]; usage: LlmUsage[] }>;
}
