/**
 * A streaming-ingest client, as a recorder or SDK would write it: open a session, send events in batches with
 * an Idempotency-Key per batch, retry on network errors, 429 (honouring Retry-After) and 5xx, then complete.
 * `duplicateEvery` re-sends some batches on purpose to exercise deduplication. Used by the e2e test and as a
 * script: `npx tsx lib/ingest/stream-session.ts <base-url> <api-key> [events=10000] [batch=500]`.
 */

export interface StreamSessionOptions {
  baseUrl: string;
  apiKey: string;
  suiteId: string;
  eventCount: number;
  batchSize: number;
  /** Every n-th batch is sent a second time without its Idempotency-Key (its events come back as duplicates). */
  duplicateEvery?: number;
  /** Every n-th batch is sent twice with the same Idempotency-Key, as after a lost acknowledgement. */
  replayEvery?: number;
  maxAttempts?: number;
  fetchImpl?: typeof fetch;
}

export interface StreamSessionResult {
  sessionId: string;
  accepted: number;
  duplicates: number;
  retries: number;
  replays: number;
  storedCount: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function makeEvent(index: number) {
  return {
    id: `evt-${String(index).padStart(7, "0")}`,
    timestamp: 1_763_726_400_000 + index * 40,
    type: index % 3 === 0 ? "keydown" : "click",
    url: "https://mail.google.com/mail/u/0/#inbox",
    key: index % 3 === 0 ? "a" : undefined,
    target: { tag: "div", role: "button", text: `Item ${index}` },
  };
}

async function send(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  maxAttempts: number,
  onRetry: () => void,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetchImpl(url, init);
      if ((response.status === 429 || response.status >= 500) && attempt < maxAttempts) {
        const retryAfter = Number(response.headers.get("retry-after") ?? "0");
        await response.body?.cancel();
        onRetry();
        await sleep(Math.min(5_000, retryAfter > 0 ? retryAfter * 1000 : 50 * 2 ** attempt));
        continue;
      }
      return response;
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
      onRetry();
      await sleep(50 * 2 ** attempt);
    }
  }
}

export async function streamSession(options: StreamSessionOptions): Promise<StreamSessionResult> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxAttempts = options.maxAttempts ?? 6;
  const auth = { authorization: `Bearer ${options.apiKey}` };
  const result = { accepted: 0, duplicates: 0, retries: 0, replays: 0 };
  const onRetry = () => {
    result.retries++;
  };

  const opened = await send(
    fetchImpl,
    `${options.baseUrl}/v1/sessions`,
    {
      method: "POST",
      headers: {
        ...auth,
        "content-type": "application/json",
        "idempotency-key": `open-${crypto.randomUUID()}`,
      },
      body: JSON.stringify({
        suite_id: options.suiteId,
        description: `Streamed ${options.eventCount} events`,
      }),
    },
    maxAttempts,
    onRetry,
  );
  if (opened.status !== 201)
    throw new Error(`opening the session failed: ${opened.status} ${await opened.text()}`);
  const sessionId = ((await opened.json()) as { id: string }).id;

  for (let start = 0, batch = 0; start < options.eventCount; start += options.batchSize, batch++) {
    const events = Array.from({ length: Math.min(options.batchSize, options.eventCount - start) }, (_, i) =>
      makeEvent(start + i),
    );
    const body = JSON.stringify(events);
    const key = `batch-${sessionId}-${batch}`;
    const post = (headers: Record<string, string>) =>
      send(
        fetchImpl,
        `${options.baseUrl}/v1/sessions/${sessionId}/events`,
        { method: "POST", headers: { ...auth, "content-type": "application/json", ...headers }, body },
        maxAttempts,
        onRetry,
      );
    const sends = [{ "idempotency-key": key }];
    if (options.replayEvery && batch % options.replayEvery === 0) sends.push({ "idempotency-key": key });
    if (options.duplicateEvery && batch % options.duplicateEvery === 0)
      sends.push({ "idempotency-key": `${key}-again` });
    for (const headers of sends) {
      const response = await post(headers);
      if (response.status !== 202)
        throw new Error(`batch ${batch}: ${response.status} ${await response.text()}`);
      const ack = (await response.json()) as { accepted: number; duplicates: number };
      if (response.headers.get("idempotent-replayed") === "true") {
        result.replays++;
        continue;
      }
      result.accepted += ack.accepted;
      result.duplicates += ack.duplicates;
    }
  }

  const completed = await send(
    fetchImpl,
    `${options.baseUrl}/v1/sessions/${sessionId}/complete`,
    { method: "POST", headers: auth },
    maxAttempts,
    onRetry,
  );
  if (completed.status !== 200)
    throw new Error(`completing failed: ${completed.status} ${await completed.text()}`);
  const detail = await fetchImpl(`${options.baseUrl}/v1/sessions/${sessionId}`, { headers: auth });
  const storedCount = ((await detail.json()) as { event_count: number }).event_count;
  return { sessionId, ...result, storedCount };
}

async function main() {
  const [baseUrl, apiKey, events = "10000", batch = "500"] = process.argv.slice(2);
  if (!baseUrl || !apiKey) {
    process.stderr.write("usage: tsx lib/ingest/stream-session.ts <base-url> <api-key> [events] [batch]\n");
    process.exit(2);
  }
  const outcome = await streamSession({
    baseUrl,
    apiKey,
    suiteId: "gmail",
    eventCount: Number(events),
    batchSize: Number(batch),
    duplicateEvery: 5,
    replayEvery: 7,
  });
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

if (process.argv[1]?.endsWith("stream-session.ts")) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
