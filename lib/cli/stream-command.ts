import { stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import {
  ingestAcceptedSchema,
  ingestPartialSchema,
  MAX_EVENTS_PER_REQUEST,
  MAX_INGEST_BODY_BYTES,
} from "@/schemas/ingest";
import { sessionSchema } from "@/schemas/sessions";
import { type ApiClient, toProblemError } from "./api-client";
import { type CliDeps, type CliIo, createCommandClient, parseCommandArgs, UsageError } from "./cli-context";
import { BadLineError, type NumberedEvent, readEventLines } from "./read-event-lines";
import { checkTimezoneOption, suiteFields } from "./session-options";

// Headroom under the server's decompressed limit for the array brackets and commas.
const MAX_BATCH_BYTES = MAX_INGEST_BODY_BYTES - 64 * 1024;

type Totals = { accepted: number; duplicates: number; batches: number };

/** Events the server refused in a 207; the rest of that batch was stored. */
class RejectedLinesError extends Error {}

async function sendBatch(
  client: ApiClient,
  sessionId: string,
  batch: NumberedEvent[],
  key: string,
  totals: Totals,
): Promise<void> {
  const body = gzipSync(`[${batch.map((b) => JSON.stringify(b.event)).join(",")}]`);
  // One Idempotency-Key per batch: a retry after a lost acknowledgement replays the first answer instead of
  // storing again, so the replayed counts are the real ones for this batch.
  const response = await client.request({
    method: "POST",
    path: `/v1/sessions/${sessionId}/events`,
    headers: { "content-type": "application/json", "content-encoding": "gzip", "idempotency-key": key },
    body,
  });
  if (response.status === 413 && batch.length > 1) {
    await response.body?.cancel();
    const half = Math.ceil(batch.length / 2);
    await sendBatch(client, sessionId, batch.slice(0, half), `${key}a`, totals);
    await sendBatch(client, sessionId, batch.slice(half), `${key}b`, totals);
    return;
  }
  if (response.status === 202) {
    const ack = ingestAcceptedSchema.parse(await response.json());
    totals.accepted += ack.accepted;
    totals.duplicates += ack.duplicates;
    totals.batches++;
    return;
  }
  if (response.status === 207) {
    const partial = ingestPartialSchema.parse(await response.json());
    totals.accepted += partial.accepted;
    totals.duplicates += partial.duplicates;
    totals.batches++;
    const lines = partial.rejected.map(
      (r) => `line ${batch[r.index]?.line ?? "?"}: ${r.field}: ${r.message} (${r.code})`,
    );
    throw new RejectedLinesError(`the server rejected ${lines.length} event(s):\n  ${lines.join("\n  ")}`);
  }
  throw await toProblemError(response);
}

async function openSession(
  client: ApiClient,
  suite: string,
  description: string | undefined,
  timezone: string | undefined,
) {
  return client.requestJson(
    {
      method: "POST",
      path: "/v1/sessions",
      headers: { "content-type": "application/json", "idempotency-key": `open-${crypto.randomUUID()}` },
      body: JSON.stringify({
        ...suiteFields(suite),
        ...(description ? { description } : {}),
        ...(timezone ? { timezone } : {}),
      }),
    },
    [201],
    sessionSchema,
  );
}

export async function runStream(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    suite: { type: "string" },
    session: { type: "string" },
    description: { type: "string" },
    timezone: { type: "string" },
    batch: { type: "string", default: "500" },
  });
  checkTimezoneOption(values.timezone);
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError("Missing <file.jsonl>");
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
  if (!values.suite && !values.session) throw new UsageError("Missing --suite <slug> (or --session <id>)");
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_EVENTS_PER_REQUEST)
    throw new UsageError(`--batch must be an integer from 1 to ${MAX_EVENTS_PER_REQUEST}`);
  if (!(await stat(file).catch(() => undefined))?.isFile()) throw new UsageError(`No such file: ${file}`);
  const { client } = createCommandClient(values.server, deps, io);

  const sessionId =
    values.session ?? (await openSession(client, values.suite ?? "", values.description, values.timezone)).id;
  io.stderr(`${values.session ? "appending to" : "opened"} session ${sessionId}\n`);
  const runId = crypto.randomUUID();
  const totals: Totals = { accepted: 0, duplicates: 0, batches: 0 };
  let batch: NumberedEvent[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await sendBatch(client, sessionId, batch, `${runId}-${totals.batches}-${batch[0]?.line}`, totals);
    batch = [];
    batchBytes = 0;
  };

  try {
    for await (const numbered of readEventLines(file)) {
      const size = Buffer.byteLength(JSON.stringify(numbered.event)) + 1;
      if (batch.length > 0 && batchBytes + size > MAX_BATCH_BYTES) await flush();
      batch.push(numbered);
      batchBytes += size;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } catch (error) {
    if (!(error instanceof BadLineError || error instanceof RejectedLinesError)) throw error;
    // Everything before the bad line is sent, so nothing already read is lost; the session stays open so the
    // user can fix the file and append the rest without a partial session entering the pipeline.
    if (error instanceof BadLineError) await flush();
    io.stderr(
      `tracepipe: ${path.basename(file)}: ${error.message}\n` +
        `${totals.accepted} event(s) accepted, ${totals.duplicates} duplicate(s); session ${sessionId} is still open.\n` +
        `Fix the file and run again with --session ${sessionId}: events already stored count as duplicates.\n`,
    );
    return 1;
  }

  const completed = await client.requestJson(
    { method: "POST", path: `/v1/sessions/${sessionId}/complete` },
    [200],
    sessionSchema.extend({ event_count: z.number().int() }),
  );
  io.stdout(
    `session ${sessionId}: accepted ${totals.accepted}, duplicates ${totals.duplicates}, ` +
      `stored ${completed.event_count}, status ${completed.status}\n`,
  );
  return 0;
}
