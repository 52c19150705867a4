import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionComplete from "@/app/v1/sessions/[id]/complete/route";
import * as sessionEvents from "@/app/v1/sessions/[id]/events/route";
import * as sessions from "@/app/v1/sessions/route";
import * as putUpload from "@/app/v1/uploads/[token]/route";
import * as completeUpload from "@/app/v1/uploads/complete/route";
import * as beginUpload from "@/app/v1/uploads/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { callRoute, type RouteHandler } from "@/test/helpers/call-route";
import { fuzzRuns } from "@/test/helpers/fuzz-runs";
import { mutateText, textMutation } from "@/test/helpers/mutate-text";

/**
 * Mutated requests to every ingest and upload endpoint, through the real handlers on the real database: never a
 * 5xx. `TRACEPIPE_FUZZ_RUNS` requests per endpoint (default 150 in `npm test`; 10,000 for the full campaign).
 * Each endpoint prints how many requests it tried and how many answered 5xx.
 */

const RUNS = fuzzRuns(150);
let dataDir: string;
let headers: Record<string, string>;
let openSessionId: string;
let plan: { session_token: string; uploads: { key: string; upload_url: string }[] };

beforeAll(async () => {
  // The fuzzer is one client sending thousands of requests: lift the per-key rate limit so the handlers run.
  process.env.RATE_LIMIT_KEY_RPS = "1000000";
  process.env.RATE_LIMIT_INGEST_KEY_RPS = "1000000";
  process.env.RATE_LIMIT_USER_RPS = "1000000";
  ({ dataDir } = await openTestDatabase());
  headers = (await createTestCaller()).headers;
  const opened = await callRoute(sessions.POST, {
    method: "POST",
    path: "/v1/sessions",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ suite_id: "gmail" }),
  });
  openSessionId = ((await opened.json()) as { id: string }).id;
  const begun = await callRoute(beginUpload.POST, {
    method: "POST",
    path: "/v1/uploads",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ files: [{ file_name: "a.jsonl", size_bytes: 4096 }] }),
  });
  plan = await begun.json();
});
afterAll(() => closeTestDatabase(dataDir));

const event = (i: number) =>
  JSON.stringify({
    id: `e${i}`,
    timestamp: 1_763_726_400_000 + i,
    type: "click",
    target: { tag: "div", text: "Compose" },
  });

type Built = {
  body: BodyInit;
  contentType?: string;
  extra?: Record<string, string>;
  path?: string;
  params?: Record<string, string>;
};

/** An endpoint under fuzz: a valid request as text, and how a mutated text becomes a request. */
interface Target {
  name: string;
  handler: RouteHandler;
  method: string;
  path: () => string;
  params?: () => Record<string, string>;
  valid: () => string;
  build: (text: string, variant: number) => Promise<Built> | Built;
  authenticated?: boolean;
}

/** A URL path segment for any string, lone surrogates (from a cut surrogate pair) included. */
const pathSegment = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));

const gzip = async (text: string) =>
  new Uint8Array(
    await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer(),
  );

const multipart = (suite: string, fileName: string, content: string) =>
  `--B\r\nContent-Disposition: form-data; name="suite_id"\r\n\r\n${suite}\r\n--B\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n${content}\r\n--B--\r\n`;

const targets: Target[] = [
  {
    name: "POST /v1/sessions (json)",
    handler: sessions.POST,
    method: "POST",
    path: () => "/v1/sessions",
    valid: () => JSON.stringify({ suite_id: "gmail", description: "Reply to Ana" }),
    build: (text, variant) => ({
      body: text,
      contentType: "application/json",
      extra: variant % 3 === 0 ? { "idempotency-key": `k${variant % 7}` } : undefined,
    }),
  },
  {
    name: "POST /v1/sessions (multipart)",
    handler: sessions.POST,
    method: "POST",
    path: () => "/v1/sessions",
    valid: () => multipart("gmail", "input_events.jsonl", [1, 2, 3].map(event).join("\n")),
    build: (text, variant) => ({
      body: text,
      contentType: variant % 5 === 0 ? "multipart/form-data" : "multipart/form-data; boundary=B",
    }),
  },
  {
    name: "POST /v1/sessions/{id}/events",
    handler: sessionEvents.POST,
    method: "POST",
    path: () => `/v1/sessions/${openSessionId}/events`,
    params: () => ({ id: openSessionId }),
    valid: () => `[${[1, 2, 3, 4].map(event).join(",")}]`,
    build: async (text, variant): Promise<Built> => {
      const kind = variant % 4;
      if (kind === 1)
        return {
          body: text.replace(/^\[|\]$/g, "").replaceAll("},{", "}\n{"),
          contentType: "application/x-ndjson",
        };
      if (kind === 2) {
        const compressed = await gzip(text);
        // A damaged gzip stream as well as a valid one.
        const body =
          variant % 8 === 2
            ? compressed.slice(0, Math.max(1, compressed.length - (variant % 13)))
            : compressed;
        return { body, contentType: "application/json", extra: { "content-encoding": "gzip" } };
      }
      if (kind === 3)
        return {
          body: text,
          contentType: "application/json",
          extra: { "idempotency-key": `b${variant % 5}` },
        };
      return { body: text, contentType: "application/json" };
    },
  },
  {
    name: "POST /v1/sessions/{id}/complete",
    handler: sessionComplete.POST,
    method: "POST",
    path: () => "/v1/sessions/x/complete",
    valid: () => "00000000-0000-4000-8000-000000000001",
    build: (text) => ({
      body: "",
      path: `/v1/sessions/${pathSegment(text)}/complete`,
      params: { id: text },
    }),
  },
  {
    name: "POST /v1/uploads",
    handler: beginUpload.POST,
    method: "POST",
    path: () => "/v1/uploads",
    valid: () => JSON.stringify({ files: [{ file_name: "trace.json.gz", size_bytes: 1024 }] }),
    build: (text) => ({ body: text, contentType: "application/json" }),
  },
  {
    name: "PUT /v1/uploads/{token}",
    handler: putUpload.PUT,
    method: "PUT",
    authenticated: false,
    path: () => "/v1/uploads/x",
    valid: () => `${plan.uploads[0]?.upload_url.split("/").pop() ?? ""}\n${[1, 2].map(event).join("\n")}`,
    build: (text) => {
      const [token = "", ...rest] = text.split("\n");
      return { body: rest.join("\n"), path: `/v1/uploads/${pathSegment(token)}`, params: { token } };
    },
  },
  {
    name: "POST /v1/uploads/complete",
    handler: completeUpload.POST,
    method: "POST",
    path: () => "/v1/uploads/complete",
    valid: () =>
      JSON.stringify({
        session_token: plan.session_token,
        suite_id: "gmail",
        files: [{ key: plan.uploads[0]?.key, file_name: "a.jsonl" }],
      }),
    build: (text) => ({ body: text, contentType: "application/json" }),
  },
];

const tally: string[] = [];
afterAll(() => {
  process.stdout.write(`endpoint fuzz (${RUNS} per endpoint):\n${tally.join("\n")}\n`);
});

describe("ingest and upload endpoints never answer 5xx to mutated requests", () => {
  it.each(targets.map((t) => [t.name, t] as const))("%s", async (_name, target) => {
    let tried = 0;
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(textMutation, { minLength: 0, maxLength: 4 }),
        fc.nat(),
        async (steps, variant) => {
          const text = mutateText(target.valid(), steps);
          const built = await target.build(text, variant);
          const path = built.path ?? target.path();
          const response = await callRoute(target.handler, {
            method: target.method,
            path,
            headers: {
              ...(target.authenticated === false ? {} : headers),
              ...(built.contentType ? { "content-type": built.contentType } : {}),
              ...built.extra,
            },
            body: built.body,
            params: built.params ?? target.params?.() ?? {},
          });
          tried++;
          await response.body?.cancel();
          if (response.status >= 500)
            failures.push(`${response.status} for ${JSON.stringify(text).slice(0, 200)}`);
          return response.status < 500;
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    tally.push(`  ${target.name}: ${tried} requests, ${failures.length} 5xx`);
    process.stdout.write(`endpoint fuzz: ${target.name}: ${tried} requests, ${failures.length} 5xx\n`);
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(RUNS);
  });
});
