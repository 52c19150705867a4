import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { type BronzeSummary, buildBronze } from "@/lib/pipeline/bronze/build-bronze";
import type { RecordingFormat } from "@/lib/pipeline/import/detect-format";
import type { ImportIssue } from "@/lib/pipeline/import/import-issue";
import { importRecording } from "@/lib/pipeline/import/import-recording";
import type { CanonicalEvent } from "@/schemas/events";

export type ImportedFile = {
  format: Promise<RecordingFormat>;
  /** Bronze events: time-ordered, masked values flagged. */
  events: AsyncIterable<CanonicalEvent>;
  /** Import and bronze issues; complete once `events` has been consumed. */
  issues: () => ImportIssue[];
  summary: BronzeSummary;
};

export class CliInputError extends Error {}

/** Streams a recording file (any supported format, gzip ok) through the importers and the bronze layer. */
export async function importFile(file: string, format?: RecordingFormat): Promise<ImportedFile> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new CliInputError(`Cannot read recording "${file}": no such file`);
  const fileName = path.basename(file);
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const imported = importRecording(stream, { fileName, ...(format ? { format } : {}) });
  const bronze = buildBronze(imported.events, { file: fileName, hints: imported.hints });
  return {
    format: imported.format,
    events: bronze.events,
    issues: () => [...imported.issues, ...bronze.issues],
    summary: bronze.summary,
  };
}

/** "file:12: message" (or "file $.path: message") for an import issue. */
export function formatIssue(fileName: string, issue: ImportIssue): string {
  const where = issue.line !== undefined ? `:${issue.line}` : issue.path ? ` ${issue.path}` : "";
  return `${issue.file ?? fileName}${where}: ${issue.message} [${issue.code}]`;
}
