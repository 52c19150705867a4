import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { isRecord } from "@/lib/pipeline/is-record";
import { readJsonlLines } from "@/lib/pipeline/jsonl";
import { ingestEventSchema } from "@/schemas/ingest";

/** A line of the recording that cannot be sent; `line` is 1-based, as an editor shows it. */
export class BadLineError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export type NumberedEvent = { line: number; event: Record<string, unknown> };

/**
 * Native JSONL, one event per line, validated with the API's own ingest schema before anything is sent. An
 * event without an `id` gets `line-<n>`: stable across runs, so re-sending the file after a fix makes the
 * already-stored events duplicates instead of second copies.
 */
export async function* readEventLines(file: string): AsyncGenerator<NumberedEvent> {
  const raw = createReadStream(file);
  const input = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const bytes = Readable.toWeb(input) as ReadableStream<Uint8Array>;
  for await (const { line, text } of readJsonlLines(bytes)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BadLineError(line, "not valid JSON");
    }
    if (!isRecord(value)) throw new BadLineError(line, "expected one JSON object per line");
    const event = { id: `line-${line}`, ...value };
    const parsed = ingestEventSchema.safeParse(event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BadLineError(
        line,
        `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid event"}`,
      );
    }
    // The original object is sent, not the parsed one: the server is the judge of fields this CLI version
    // does not know yet.
    yield { line, event };
  }
}
