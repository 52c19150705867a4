import { NonRetriableError } from "inngest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { getEnv } from "@/lib/env";
import { getClassificationLlm, getLlmClient } from "@/lib/llm/get-llm-client";
import { buildBronze } from "@/lib/pipeline/bronze/build-bronze";
import { generateExamples, RULES_MODEL } from "@/lib/pipeline/examples/generate-examples";
import { buildGold, findSuite } from "@/lib/pipeline/gold/build-gold";
import { classifyWithLlm } from "@/lib/pipeline/gold/classify-with-llm";
import { type RecordingFormat, recordingFormats } from "@/lib/pipeline/import/detect-format";
import {
  type ImportIssue,
  ImportLimitError,
  type RecordingHints,
  UnsupportedRecordingError,
} from "@/lib/pipeline/import/import-issue";
import { type ImportedRecording, importRecording } from "@/lib/pipeline/import/import-recording";
import type { TokenUsage } from "@/lib/pipeline/llm-client";
import { SilverBuilder } from "@/lib/pipeline/silver/build-silver";
import { mergeRatiosOf, streamInteractions } from "@/lib/pipeline/silver/silver-stream";
import type { CanonicalEvent } from "@/schemas/events";
import type { LlmUsage, PipelineStages, RawSource } from "./pipeline-stages";

const knownFormat = (format: string | undefined): RecordingFormat | undefined =>
  recordingFormats.find((f) => f === format);

const usageOf = (model: string, usage: TokenUsage): LlmUsage[] =>
  usage.calls > 0 ? [{ model, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens }] : [];

/** An unsupported file or a recording over the limits will not import on a retry either: fail at once. */
async function* permanentOnBadInput(events: AsyncIterable<CanonicalEvent>): AsyncGenerator<CanonicalEvent> {
  try {
    yield* events;
  } catch (error) {
    if (error instanceof UnsupportedRecordingError || error instanceof ImportLimitError) {
      throw new NonRetriableError(error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * How far one uploaded file may inflate: the configured absolute cap, and for a file of known size the ratio cap
 * (a gzip bomb inflates ~1000×; real recordings 5–30×). The importer counts inflated bytes as they stream and
 * stops at the cap, so a bomb costs at most this much work, never its full size.
 */
export function inflatedByteLimit(storedBytes: number | undefined, env = getEnv()): number {
  const absolute = env.TRACEPIPE_MAX_INFLATED_BYTES;
  if (!storedBytes) return absolute;
  return Math.min(absolute, Math.max(storedBytes, 64 * 1024) * env.TRACEPIPE_MAX_INFLATE_RATIO);
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function bombError(source: RawSource, maxBytes: number): ImportLimitError {
  return new ImportLimitError(
    "maxBytes",
    maxBytes,
    `${source.fileName} inflates to more than ${megabytes(maxBytes)} (${maxBytes} bytes${source.sizeBytes ? `, over ${getEnv().TRACEPIPE_MAX_INFLATE_RATIO}× its ${megabytes(source.sizeBytes)} upload or the ${megabytes(getEnv().TRACEPIPE_MAX_INFLATED_BYTES)} cap` : ""}): refused as a possible decompression bomb. Split the recording into smaller files.`,
  );
}

/** The production binding of the pure pipeline (lib/pipeline) with the bundled catalog and the LLM gateway. */
export function getDefaultStages(): PipelineStages {
  return {
    bronze(sources: RawSource[]) {
      const hints: RecordingHints = {};
      const imports: ImportedRecording[] = [];
      // Sources are imported one after another into one bronze builder, whose reorder window puts them in time
      // order; the importer fills hints while its events are read, and bronze reads them at the end.
      // Batches, not single events: an async step per event cost a fifth to a third of the bronze stage.
      async function* chained(): AsyncGenerator<CanonicalEvent[]> {
        for (const source of sources) {
          const maxBytes = inflatedByteLimit(source.sizeBytes);
          const imported = importRecording(source.stream, {
            fileName: source.fileName,
            format: knownFormat(source.format),
            limits: { maxBytes },
          });
          imports.push(imported);
          try {
            yield* imported.batches;
          } catch (error) {
            if (error instanceof ImportLimitError && error.limit === "maxBytes")
              throw bombError(source, maxBytes);
            throw error;
          }
          Object.assign(hints, imported.hints);
        }
      }
      const bronze = buildBronze(chained(), { hints });
      return {
        events: permanentOnBadInput(bronze.events),
        finish: async () => {
          const formats = await Promise.all(imports.map((i) => i.format));
          const issues: ImportIssue[] = [...imports.flatMap((i) => i.issues), ...bronze.issues];
          return {
            formats: [...new Set(formats)],
            issues,
            timezone: bronze.summary.timezone,
            details: { ...bronze.summary },
          };
        },
      };
    },

    silver(events) {
      const builder = new SilverBuilder();
      return {
        interactions: streamInteractions(events, builder),
        finish: () => ({ mergeRatios: mergeRatiosOf(builder.counts) }),
      };
    },

    async gold({ interactions, suite: suiteSlug }) {
      const suite = findSuite(getBundledCatalog(), suiteSlug);
      if (!suite) throw new Error(`Unknown suite ${suiteSlug}`);
      const { windows, actions, cancelledIds } = buildGold(interactions, suite);
      const llm = getClassificationLlm();
      const usage: TokenUsage = { calls: 0, inputTokens: 0, outputTokens: 0 };
      if (llm) {
        actions.push(
          ...(await classifyWithLlm({ interactions, windows, actions, cancelledIds, suite, llm, usage })),
        );
        actions.sort((a, b) => a.ts - b.ts);
      }
      return { windows, actions, usage: llm ? usageOf(llm.model, usage) : [] };
    },

    async generateExamples(input) {
      const llm = input.model === RULES_MODEL ? undefined : getLlmClient(input.model);
      const generated = await generateExamples({
        actions: input.actions,
        suite: input.suite,
        mapSlug: input.mapSlug,
        model: input.model,
        modelConfiguration: input.modelConfiguration,
        catalog: getBundledCatalog(),
        format: input.format,
        multiStep: input.multiStep,
        llm,
        timezone: input.timezone,
      });
      return {
        records: generated.records,
        rejected: generated.rejected,
        usage: usageOf(input.model, generated.usage),
      };
    },
  };
}
