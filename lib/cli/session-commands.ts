import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { sessionDetailSchema, sessionSchema } from "@/schemas/sessions";
import type { ApiClient } from "./api-client";
import { type CliDeps, type CliIo, createCommandClient, parseCommandArgs, UsageError } from "./cli-context";
import { checkTimezoneOption, suiteFields } from "./session-options";

type SessionDetail = z.infer<typeof sessionDetailSchema>;

const FINAL_STATUSES = new Set(["completed", "failed"]);

export function getSession(client: ApiClient, id: string): Promise<SessionDetail> {
  return client.requestJson({ path: `/v1/sessions/${encodeURIComponent(id)}` }, [200], sessionDetailSchema);
}

/** Polls until the pipeline has finished with the session (or the timeout passes). */
export async function waitForSession(
  client: ApiClient,
  id: string,
  options: { pollIntervalMs: number; timeoutMs: number; sleep: (ms: number) => Promise<void> },
): Promise<SessionDetail> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const session = await getSession(client, id);
    if (FINAL_STATUSES.has(session.status)) return session;
    if (Date.now() > deadline)
      throw new Error(`Session ${id} is still ${session.status} after ${options.timeoutMs / 1000} s`);
    await options.sleep(options.pollIntervalMs);
  }
}

export function formatSession(session: SessionDetail): string {
  const lines = [
    `session ${session.id}: ${session.status}`,
    `  events ${session.event_count}, interactions ${session.interaction_count}, actions ${session.action_count}`,
  ];
  if (session.description) lines.push(`  description: ${session.description}`);
  lines.push(`  time zone: ${session.timezone ?? "unknown"} (${session.timezone_source})`);
  if (session.suite_notice) lines.push(`  note: ${session.suite_notice}`);
  for (const file of session.files)
    lines.push(`  file ${file.file_name} (${file.format ?? "unknown format"}, ${file.size_bytes} bytes)`);
  if (session.error) lines.push(`  error: ${session.error}`);
  return `${lines.join("\n")}\n`;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runUpload(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    suite: { type: "string" },
    description: { type: "string" },
    timezone: { type: "string" },
    wait: { type: "boolean", default: false },
    timeout: { type: "string", default: "600" },
  });
  checkTimezoneOption(values.timezone);
  if (positionals.length === 0) throw new UsageError("Missing <file…>");
  if (!values.suite) throw new UsageError("Missing --suite <slug>");
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) throw new UsageError("--timeout must be a number of seconds");
  const { client } = createCommandClient(values.server, deps, io);

  const form = new FormData();
  for (const [name, value] of Object.entries(suiteFields(values.suite)))
    form.append(name, Array.isArray(value) ? value.join(",") : value);
  if (values.description) form.append("description", values.description);
  if (values.timezone) form.append("timezone", values.timezone);
  for (const file of positionals) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`No such file: ${file}`);
    // A file-backed Blob: fetch streams it from disk instead of reading the recording into memory.
    form.append("file", await openAsBlob(file), path.basename(file));
  }
  // Only 429 is retried: the multipart path has no Idempotency-Key, and a 5xx may come after the session exists.
  const created = await client.requestJson(
    { method: "POST", path: "/v1/sessions", body: form, retry: "throttle" },
    [201],
    sessionSchema,
  );
  io.stderr(`uploaded ${positionals.length} file(s): session ${created.id} (${created.status})\n`);
  if (!values.wait) {
    io.stdout(`${created.id}\n`);
    return 0;
  }
  const session = await waitForSession(client, created.id, {
    pollIntervalMs: deps.pollIntervalMs ?? 1000,
    timeoutMs: timeoutSeconds * 1000,
    sleep: deps.sleep ?? defaultSleep,
  });
  io.stdout(formatSession(session));
  return session.status === "completed" ? 0 : 1;
}

export async function runStatus(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean", default: false } });
  const [id, ...extra] = positionals;
  if (!id) throw new UsageError("Missing <session-id>");
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
  const { client } = createCommandClient(values.server, deps, io);
  const session = await getSession(client, id);
  io.stdout(values.json ? `${JSON.stringify(session, null, 2)}\n` : formatSession(session));
  return 0;
}
