import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { CanonicalEvent } from "@/schemas/events";

export type ImportedRecording = { format: string; events: AsyncIterable<CanonicalEvent>; issues: unknown[] };
type ImportRecording = (
  stream: ReadableStream<Uint8Array>,
  options: { fileName: string; format?: string },
) => Promise<ImportedRecording> | ImportedRecording;

// The importers live in their own module (lib/pipeline/import); loaded by path so the CLI builds without them.
const importerModule = "@/lib/pipeline/import/import-recording";

export class CliInputError extends Error {}

export async function importFile(file: string, format?: string): Promise<ImportedRecording> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new CliInputError(`Cannot read recording "${file}": no such file`);
  const loaded = (await import(/* @vite-ignore */ importerModule)) as { importRecording?: ImportRecording };
  if (typeof loaded.importRecording !== "function")
    throw new CliInputError("The recording importers are not available in this build");
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return loaded.importRecording(stream, { fileName: path.basename(file), ...(format ? { format } : {}) });
}

/** "file:12: reason" lines for import issues, whatever optional location fields an issue carries. */
export function formatIssue(fileName: string, issue: unknown): string {
  if (!issue || typeof issue !== "object") return `${fileName}: ${String(issue)}`;
  const record = issue as Record<string, unknown>;
  const where =
    typeof record.line === "number"
      ? `:${record.line}`
      : typeof record.path === "string"
        ? ` ${record.path}`
        : "";
  const reason = record.reason ?? record.message ?? JSON.stringify(issue);
  const level = typeof record.severity === "string" ? `${record.severity}: ` : "";
  return `${fileName}${where}: ${level}${String(reason)}`;
}
