import { buildDatasetCard } from "@/lib/pipeline/examples/build-dataset-card";
import {
  type GeneratedExamples,
  generateExamples,
  resolveActionToolMap,
} from "@/lib/pipeline/examples/generate-examples";
import type { ExampleFormat } from "@/lib/pipeline/examples/record-formats";
import type { LlmClient } from "@/lib/pipeline/llm-client";
import { type PipelineResult, type RunPipelineInput, runPipeline } from "@/lib/pipeline/run-pipeline";
import type { RawSource } from "@/lib/pipeline/stages/bronze";
import type { Catalog } from "@/schemas/catalog";

export type ConvertSessionInput = {
  /** One recording; bronze imports it (format detected unless given). */
  source: RawSource;
  catalog: Catalog;
  suite: string;
  mapSlug?: string;
  model: string;
  modelConfiguration?: Record<string, unknown>;
  format: ExampleFormat;
  multiStep?: boolean;
  timezone?: string;
  llm?: LlmClient;
};

export type ConvertSessionResult = { pipeline: PipelineResult; examples: GeneratedExamples; card: string };

/** The whole offline path: bronze events → pipeline → examples → dataset card. Shared by the CLI and tests. */
export async function convertSession(input: ConvertSessionInput): Promise<ConvertSessionResult> {
  const { map, server, suite } = resolveActionToolMap(input.catalog, input.suite, input.mapSlug);
  const pipelineInput: RunPipelineInput = {
    sources: [input.source],
    suite: input.suite,
    catalog: input.catalog,
    ...(input.timezone ? { timezone: input.timezone } : {}),
    ...(input.llm ? { llm: input.llm } : {}),
  };
  const pipeline = await runPipeline(pipelineInput);
  const timezone = pipeline.timezone;
  const format = pipeline.bronze?.formats[0];
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
    source: { fileName: input.source.fileName, ...(format ? { format } : {}) },
    ...(timezone ? { timezone } : {}),
  });
  return { pipeline, examples, card };
}
