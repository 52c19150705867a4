import { buildDatasetCard } from "@/lib/pipeline/examples/build-dataset-card";
import {
  type GeneratedExamples,
  generateExamples,
  resolveActionToolMap,
} from "@/lib/pipeline/examples/generate-examples";
import type { ExampleFormat } from "@/lib/pipeline/examples/record-formats";
import type { LlmClient } from "@/lib/pipeline/llm-client";
import { type PipelineResult, runPipeline } from "@/lib/pipeline/run-pipeline";
import type { ZoneEvidence } from "@/lib/pipeline/timezone/zone-evidence";
import type { Catalog } from "@/schemas/catalog";
import type { CanonicalEvent } from "@/schemas/events";

export type ConvertSessionInput = {
  events: AsyncIterable<CanonicalEvent> | Iterable<CanonicalEvent>;
  catalog: Catalog;
  suite: string;
  mapSlug?: string;
  model: string;
  modelConfiguration?: Record<string, unknown>;
  format: ExampleFormat;
  multiStep?: boolean;
  /** The zone the user stated; else the recording's, else one inferred from the pages (see runPipeline). */
  timezone?: string;
  /** Zone evidence bronze collected, read after the events are consumed. */
  zoneEvidence?: () => ZoneEvidence[] | undefined;
  llm?: LlmClient;
  source?: { fileName?: string; format?: string };
};

export type ConvertSessionResult = { pipeline: PipelineResult; examples: GeneratedExamples; card: string };

/** The whole offline path: bronze events → pipeline → examples → dataset card. Shared by the CLI and tests. */
export async function convertSession(input: ConvertSessionInput): Promise<ConvertSessionResult> {
  const { map, server, suite } = resolveActionToolMap(input.catalog, input.suite, input.mapSlug);
  const pipeline = await runPipeline({
    events: input.events,
    suite: input.suite,
    catalog: input.catalog,
    ...(input.timezone ? { timezone: input.timezone } : {}),
    ...(input.zoneEvidence ? { zoneEvidence: input.zoneEvidence } : {}),
    ...(input.llm ? { llm: input.llm } : {}),
  });
  const timezone = pipeline.timezone;
  const examples = await generateExamples({
    actions: pipeline.actions,
    suite: input.suite,
    mapSlug: map.slug,
    model: input.model,
    modelConfiguration: input.modelConfiguration ?? {},
    catalog: input.catalog,
    format: input.format,
    multiStep: input.multiStep ?? false,
    ...(input.llm ? { llm: input.llm } : {}),
    ...(timezone ? { timezone } : {}),
  });
  const card = buildDatasetCard({
    suite,
    mapSlug: map.slug,
    mcpServer: server.name,
    model: input.model,
    modelConfiguration: input.modelConfiguration ?? {},
    format: input.format,
    multiStep: input.multiStep ?? false,
    examples,
    metrics: pipeline.metrics,
    ...(input.source ? { source: input.source } : {}),
    ...(timezone ? { timezone } : {}),
  });
  return { pipeline, examples, card };
}
