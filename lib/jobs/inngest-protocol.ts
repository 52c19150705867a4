import canonicalize from "canonicalize";
import { headerKeys, queryKeys } from "inngest";

// The executor side of the SDK's HTTP execution protocol (inngest 4.x, execution version 2), as implemented in
// node_modules/inngest/components/InngestCommHandler.js and components/execution/engine.js. The contract test
// (lib/jobs/embedded-executor.int.test.ts) fails if an SDK upgrade changes any of it.

/** A memoized step result, in the `{ type, ... }` form: the bare form would misread a step returning `{ data }`. */
export type MemoizedStep = { type: "data"; data: unknown } | { type: "error"; error: SerializedError };

export interface SerializedError {
  name?: string;
  message?: string;
  stack?: string;
  [key: string]: unknown;
}

export interface ExecutionRequestInput {
  /** The function's id as served: `<app id>-<function id>`, or `…-failure` for its onFailure handler. */
  servedFunctionId: string;
  /** Hashed id of the step to run; null lets the SDK discover and run the next step itself. */
  stepId: string | null;
  event: Record<string, unknown>;
  steps: Record<string, MemoizedStep>;
  stack: string[];
  runId: string;
  attempt: number;
  maxAttempts: number;
  signingKey: string;
  /** Execution version the SDK answered with earlier (`x-inngest-req-version`); -1 lets the SDK decide. */
  version: number;
}

/** The local origin for in-process requests; it never reaches the network. */
const embeddedOrigin = "http://embedded-executor.invalid/api/inngest";

export async function buildExecutionRequest(input: ExecutionRequestInput): Promise<Request> {
  const body = {
    event: input.event,
    events: [input.event],
    steps: input.steps,
    version: input.version,
    ctx: {
      run_id: input.runId,
      attempt: input.attempt,
      max_attempts: input.maxAttempts,
      // No `fn_id`: without it the SDK stays in plain async mode and never checkpoints to an Inngest API.
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: input.stack, current: input.stack.length },
    },
  };
  // The SDK verifies HMAC-SHA256(key without its `signkey-*-` prefix, JCS(body) + t) against `s`.
  const payload = canonicalize(body) ?? "{}";
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = await hmacSha256Hex(input.signingKey.replace(/^signkey-\w+-/, ""), payload + timestamp);
  const url = new URL(embeddedOrigin);
  url.searchParams.set(queryKeys.FnId, input.servedFunctionId);
  url.searchParams.set(queryKeys.StepId, input.stepId ?? "step");
  return new Request(url, {
    method: "POST",
    body: payload,
    headers: {
      "content-type": "application/json",
      [headerKeys.Signature]: `t=${timestamp}&s=${signature}`,
      [headerKeys.InngestServerKind]: "cloud",
      [headerKeys.InngestRunId]: input.runId,
      [headerKeys.RequestVersion]: String(input.version),
    },
  });
}

async function hmacSha256Hex(key: string, data: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(data));
  return toHex(new Uint8Array(mac));
}

/** Web APIs only (no Buffer): the client module is also imported by edge-portable handlers. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type ExecutionOutcome =
  | { kind: "completed"; output: unknown }
  | { kind: "step-completed"; stepId: string; data: unknown }
  | { kind: "step-errored"; stepId: string; error: SerializedError; retryAt: Date | null }
  | { kind: "step-failed"; stepId: string; error: SerializedError }
  | { kind: "sleep"; stepId: string; until: Date }
  | { kind: "run-step"; stepId: string }
  | { kind: "function-errored"; error: SerializedError; retryAt: Date | null; isRetriable: boolean };

interface OutgoingOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
}

/**
 * Maps the SDK's answer to what the executor must do next. 200: the function returned (body is its output).
 * 206: a JSON array of ops (one StepRun/StepError/StepFailed after running a step, or newly found steps).
 * 500 / 400: the function threw; `x-inngest-no-retry` says whether a retry may help and `retry-after` when.
 */
export async function parseExecutionResponse(res: Response, now: Date): Promise<ExecutionOutcome> {
  const text = await res.text();
  const body = parseJson(text);
  if (res.status === 200) return { kind: "completed", output: body ?? null };
  if (res.status === 206 && Array.isArray(body)) return outcomeFromOps(body as OutgoingOp[], res, now);
  const isRetriable = res.headers.get(headerKeys.NoRetry) !== "true" && res.status !== 400;
  return {
    kind: "function-errored",
    error: toSerializedError(
      body,
      `HTTP ${res.status} from the Inngest serve handler: ${text.slice(0, 500)}`,
    ),
    retryAt: parseRetryAfter(res.headers.get(headerKeys.RetryAfter), now),
    isRetriable,
  };
}

function outcomeFromOps(ops: OutgoingOp[], res: Response, now: Date): ExecutionOutcome {
  const complete = ops.find((op) => op.op === "RunComplete");
  if (complete) return { kind: "completed", output: complete.data ?? null };
  const [op] = ops;
  if (!op) return failed("The SDK answered 206 without any step");
  switch (op.op) {
    case "StepRun":
      return { kind: "step-completed", stepId: op.id, data: op.data ?? null };
    case "StepError":
      return {
        kind: "step-errored",
        stepId: op.id,
        error: toSerializedError(op.error, "Step failed"),
        retryAt: parseRetryAfter(res.headers.get(headerKeys.RetryAfter), now),
      };
    case "StepFailed":
      return { kind: "step-failed", stepId: op.id, error: toSerializedError(op.error, "Step failed") };
    case "Sleep": {
      const until = parseSleepUntil(op.name ?? "", now);
      return until ? { kind: "sleep", stepId: op.id, until } : failed(`Unreadable sleep "${op.name}"`);
    }
    case "StepPlanned":
      // Parallel steps arrive as several planned ops; the embedded executor runs them one at a time.
      return { kind: "run-step", stepId: op.id };
    default:
      return failed(
        `step op "${op.op}" (${op.displayName ?? op.id}) is not supported by the embedded executor`,
      );
  }
}

function failed(message: string): ExecutionOutcome {
  return {
    kind: "function-errored",
    error: { name: "NonRetriableError", message },
    retryAt: null,
    isRetriable: false,
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function toSerializedError(value: unknown, fallback: string): SerializedError {
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const message =
      typeof record.message === "string" ? record.message : (record.error as string | undefined);
    return { ...record, message: message ?? fallback };
  }
  return { name: "Error", message: typeof value === "string" ? value : fallback };
}

/** `retry-after` as the SDK writes it: whole seconds, or an ISO date for `RetryAfterError(…, date)`. */
export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (!value) return null;
  if (/^\d+$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at);
}

const periodMs: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** A Sleep op's name: the SDK's time string (`"1s"`, `"2h30m10s"`) for step.sleep, an ISO date for sleepUntil. */
export function parseSleepUntil(name: string, now: Date): Date | null {
  if (/^(\d+[wdhms])+$/.test(name)) {
    let total = 0;
    for (const [, amount = "0", unit = "s"] of name.matchAll(/(\d+)([wdhms])/g)) {
      total += Number(amount) * (periodMs[unit] ?? 0);
    }
    return new Date(now.getTime() + total);
  }
  if (name === "") return now;
  const at = Date.parse(name);
  return Number.isNaN(at) ? null : new Date(at);
}
