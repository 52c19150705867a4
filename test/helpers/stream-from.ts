import type { CanonicalEvent } from "@/schemas/events";
import { buildBronze } from "../../lib/pipeline/bronze/build-bronze";
import type { ImportIssue } from "../../lib/pipeline/import/import-issue";
import { type ImportRecordingOptions, importRecording } from "../../lib/pipeline/import/import-recording";

/** A byte stream of `input` cut into `chunkSize` pieces (exercises chunk boundaries). */
export function streamFrom(input: string | Uint8Array, chunkSize = 7): ReadableStream<Uint8Array> {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Imports and builds bronze, collecting everything (tests only: real callers stream). */
export async function importAll(
  input: string | Uint8Array,
  options: ImportRecordingOptions & { chunkSize?: number } = {},
): Promise<{ format: string; events: CanonicalEvent[]; issues: ImportIssue[] }> {
  const imported = importRecording(streamFrom(input, options.chunkSize), options);
  const bronze = buildBronze(imported.events, { hints: imported.hints });
  const events = await collect(bronze.events);
  return { format: await imported.format, events, issues: [...imported.issues, ...bronze.issues] };
}
