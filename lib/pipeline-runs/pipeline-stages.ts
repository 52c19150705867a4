import type { CanonicalEvent } from "@/schemas/events";

// The pure pipeline as the durable runs see it. The production binding (default-stages.ts) wires these to
// lib/pipeline; runs take them as a parameter so the step boundaries can be exercised on their own.

export interface ImportIssueLike {
  line?: number;
  path?: string;
  reason?: string;
  message?: string;
}

export interface ImportedRecording {
  format: string;
  events: AsyncIterable<CanonicalEvent>;
  issues: ImportIssueLike[] | AsyncIterable<ImportIssueLike>;
}

export interface InteractionLike {
  id: string;
  ts: number;
  kind: string;
}

export interface GoldActionLike {
  id: string;
  slug: string;
  confidence: number;
  needsReview: boolean;
  ts: number;
}

export interface WindowLike {
  id: string;
  startTs: number;
}

export interface LlmUsage {
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export interface GeneratedExamples {
  records: unknown[];
  toolCalls: unknown[];
  rejected: unknown[];
  usage?: LlmUsage[];
}

export interface PipelineStages {
  importRecording(
    stream: ReadableStream<Uint8Array>,
    options: { fileName: string; format?: string },
  ): Promise<ImportedRecording>;
  /** Orders the sources' events in time and assigns stable ids: the bronze layer. */
  toBronze(sources: AsyncIterable<CanonicalEvent>[]): AsyncIterable<CanonicalEvent>;
  /** Streams interactions; `mergeRatios()` is valid once the stream is drained. */
  toSilver(events: AsyncIterable<CanonicalEvent>): {
    interactions: AsyncIterable<InteractionLike>;
    mergeRatios: () => Record<string, unknown>;
  };
  toGold(input: {
    interactions: InteractionLike[];
    suite: string;
    timezone?: string;
  }): Promise<{ windows: WindowLike[]; actions: GoldActionLike[]; usage?: LlmUsage[] }>;
  generateExamples(input: {
    actions: GoldActionLike[];
    suite: string;
    mapSlug: string;
    model: string;
    modelConfiguration: Record<string, unknown>;
    format: string;
    multiStep: boolean;
  }): Promise<GeneratedExamples>;
}
