import { type BronzeSummary as BronzeDetails, buildBronze } from "@/lib/pipeline/bronze/build-bronze";
import type { RecordingFormat } from "@/lib/pipeline/import/detect-format";
import { type ImportIssue, ImportLimitError, type RecordingHints } from "@/lib/pipeline/import/import-issue";
import {
  type ImportedRecording,
  type ImportLimits,
  importRecording,
} from "@/lib/pipeline/import/import-recording";
import type { ZoneEvidence } from "@/lib/pipeline/timezone/zone-evidence";
import type { RedactionLevel } from "@/schemas/data-policy";
import type { CanonicalEvent } from "@/schemas/events";

/** One recording of a session: a stored file, an uploaded file, or its streamed events as native JSONL. */
export interface RawSource {
  stream: ReadableStream<Uint8Array>;
  fileName: string;
  /** Skips detection when the format is known. */
  format?: RecordingFormat;
  limits?: ImportLimits;
  /** The error to raise when this source goes over `limits` (the caller knows why the limit is what it is). */
  describeLimit?: (error: ImportLimitError) => Error;
}

export interface BronzeSummary {
  /** The detected format of each source, once each. */
  formats: RecordingFormat[];
  /** Import issues (bad lines with their location) and bronze issues (events too far out of order). */
  issues: ImportIssue[];
  /**
   * Evidence of the user's zone no event carries (ISO timestamp offsets, zones shown in page text), for the session
   * time zone stage. A recording's own `meta` zone reaches it through silver.
   */
  zoneEvidence: ZoneEvidence[];
  details: Omit<BronzeDetails, "zoneEvidence">;
}

export interface BronzeOutput {
  /** Time-ordered, unique ids, passwords dropped, secrets (and in `strict` personal data) redacted. Iterate once. */
  events: AsyncIterable<CanonicalEvent>;
  /** Complete once `events` has been drained. */
  summary(): Promise<BronzeSummary>;
}

/**
 * Bronze: imports every source (format detected from its bytes) and merges them into one time-ordered event
 * stream. Sources are imported one after another into one bronze builder, whose reorder window puts them in time
 * order; each importer fills hints while its events are read, and bronze reads them at the end. Batches, not
 * single events, cross into bronze: an async step per event cost a fifth to a third of the stage.
 */
export function bronzeStage(
  sources: readonly RawSource[],
  options: { redaction?: RedactionLevel } = {},
): BronzeOutput {
  const hints: RecordingHints = {};
  const imports: ImportedRecording[] = [];
  async function* chained(): AsyncGenerator<CanonicalEvent[]> {
    for (const source of sources) {
      const imported = importRecording(source.stream, {
        fileName: source.fileName,
        ...(source.format ? { format: source.format } : {}),
        ...(source.limits ? { limits: source.limits } : {}),
      });
      imports.push(imported);
      try {
        yield* imported.batches;
      } catch (error) {
        throw error instanceof ImportLimitError && source.describeLimit ? source.describeLimit(error) : error;
      }
      // Each source adds its own zone evidence; the other hints are the last source's.
      const zoneEvidence = [...(hints.zoneEvidence ?? []), ...(imported.hints.zoneEvidence ?? [])];
      Object.assign(hints, imported.hints, { zoneEvidence });
    }
  }
  // With one source its name goes on bronze's own issues; merged sources' events carry their file themselves.
  const only = sources.length === 1 ? sources[0]?.fileName : undefined;
  const bronze = buildBronze(chained(), {
    hints,
    ...(only ? { file: only } : {}),
    ...(options.redaction ? { redaction: options.redaction } : {}),
  });
  return {
    events: bronze.events,
    summary: async () => {
      const formats = await Promise.all(imports.map((i) => i.format));
      const { zoneEvidence, ...details } = bronze.summary;
      return {
        formats: [...new Set(formats)],
        issues: [...imports.flatMap((i) => i.issues), ...bronze.issues],
        zoneEvidence,
        details,
      };
    },
  };
}
