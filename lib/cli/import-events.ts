import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { RecordingFormat } from "@/lib/pipeline/import/detect-format";
import type { ImportIssue } from "@/lib/pipeline/import/import-issue";
import type { RawSource } from "@/lib/pipeline/stages/bronze";

export class CliInputError extends Error {}

/** A recording file (any supported format, gzip ok) as a source for the pipeline's bronze stage; streamed, never read whole. */
export async function openRecording(file: string, format?: RecordingFormat): Promise<RawSource> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new CliInputError(`Cannot read recording "${file}": no such file`);
  return {
    stream: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
    fileName: path.basename(file),
    ...(format ? { format } : {}),
  };
}

/** "file:12: message" (or "file $.path: message") for an import issue. */
export function formatIssue(fileName: string, issue: ImportIssue): string {
  const where = issue.line !== undefined ? `:${issue.line}` : issue.path ? ` ${issue.path}` : "";
  return `${issue.file ?? fileName}${where}: ${issue.message} [${issue.code}]`;
}
