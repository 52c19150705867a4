import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { type ExampleResource, exampleSchema } from "@/schemas/examples";
import { type ApiClient, toProblemError } from "./api-client";
import { type CliDeps, type CliIo, createCommandClient, parseCommandArgs, UsageError } from "./cli-context";

const exampleListSchema = z.object({ data: z.array(exampleSchema) });
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const formatOf = (example: ExampleResource) =>
  typeof example.model_configuration.format === "string" ? example.model_configuration.format : "openai";

/** The session's newest example in the wanted format that is done or on its way; else a newly queued one. */
async function findOrCreateExample(
  client: ApiClient,
  sessionId: string,
  wanted: { format?: string; model?: string; map?: string },
): Promise<{ example: ExampleResource; created: boolean }> {
  const query = new URLSearchParams({ session_id: sessionId, limit: "100" });
  if (wanted.model) query.set("model_id", wanted.model);
  const { data } = await client.requestJson({ path: `/v1/examples?${query}` }, [200], exampleListSchema);
  const reusable = data.find(
    (e) => e.status !== "failed" && (!wanted.format || formatOf(e) === wanted.format) && !wanted.map,
  );
  if (reusable) return { example: reusable, created: false };
  const example = await client.requestJson(
    {
      method: "POST",
      path: "/v1/examples",
      // The key makes a retried POST (lost answer, 5xx) return the same example instead of queueing a second.
      headers: { "content-type": "application/json", "idempotency-key": `cli-${crypto.randomUUID()}` },
      body: JSON.stringify({
        session_id: sessionId,
        ...(wanted.model ? { model_id: wanted.model } : {}),
        ...(wanted.map ? { action_tool_map_id: wanted.map } : {}),
        model_configuration: wanted.format ? { format: wanted.format } : {},
      }),
    },
    [202],
    exampleSchema,
  );
  return { example, created: true };
}

export async function runExamples(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    out: { type: "string" },
    format: { type: "string" },
    model: { type: "string" },
    map: { type: "string" },
    timeout: { type: "string", default: "600" },
  });
  const [sessionId, ...extra] = positionals;
  if (!sessionId) throw new UsageError("Missing <session-id>");
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(timeoutMs > 0)) throw new UsageError("--timeout must be a number of seconds");
  const { client } = createCommandClient(values.server, deps, io);
  const sleep = deps.sleep ?? sleepFor;

  let { example, created } = await findOrCreateExample(client, sessionId, {
    ...(values.format ? { format: values.format } : {}),
    ...(values.model ? { model: values.model } : {}),
    ...(values.map ? { map: values.map } : {}),
  });
  io.stderr(`${created ? "generating" : "using"} example ${example.id} (${formatOf(example)})\n`);
  const deadline = Date.now() + timeoutMs;
  while (example.status === "pending" || example.status === "processing") {
    if (Date.now() > deadline) throw new Error(`Example ${example.id} is still ${example.status}`);
    await sleep(deps.pollIntervalMs ?? 1000);
    example = await client.requestJson({ path: `/v1/examples/${example.id}` }, [200], exampleSchema);
  }
  if (example.status === "failed") {
    io.stderr(`tracepipe: example ${example.id} failed: ${example.error ?? "no reason given"}\n`);
    return 1;
  }

  const response = await client.request({ path: example.messages_url });
  if (response.status !== 200 || !response.body) throw await toProblemError(response);
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
  if (values.out) await pipeline(body, createWriteStream(values.out));
  // Decoding in the stream keeps a character split across two chunks whole.
  else for await (const text of body.setEncoding("utf8")) io.stdout(String(text));
  io.stderr(
    `${example.record_count ?? "?"} record(s) from example ${example.id}${values.out ? ` in ${values.out}` : ""}\n`,
  );
  return 0;
}
