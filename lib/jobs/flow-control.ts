import type { InngestFunction } from "inngest";

/**
 * Function options this executor honours. Anything else changes when or whether a run starts on an Inngest
 * engine (throttle, rateLimit, debounce, batchEvents, priority, idempotency, singleton, cancelOn, timeouts,
 * checkpointing, …), so a function using it is refused at registration rather than run differently here.
 */
const supportedOptions = new Set([
  "id",
  "name",
  "description",
  "triggers",
  "retries",
  "onFailure",
  "concurrency",
  "middleware",
]);

export interface ConcurrencyGroup {
  limit: number;
  /** `fn`: one group per function (and key value); `env` / `account`: shared by every function with the key. */
  scope: "fn" | "env" | "account";
  key?: { expression: string; read: (event: unknown) => unknown };
}

export interface ConcurrencyKeys {
  concurrencyKeys: string[];
  concurrencyLimits: number[];
}

const groupsByFunction = new WeakMap<InngestFunction.Any, ConcurrencyGroup[]>();

/** Throws, naming the function and options, when the function declares flow control this executor cannot honour. */
export function assertSupportedFlowControl(fn: InngestFunction.Any, functionId: string): void {
  const unsupported = Object.entries(fn.opts)
    .filter(([option, value]) => value !== undefined && !supportedOptions.has(option))
    .map(([option]) => option);
  if (unsupported.length > 0) {
    throw new Error(
      `Function "${functionId}" uses ${unsupported.join(", ")}, which the embedded executor does not support; ` +
        "remove it or run an Inngest engine (INNGEST_DEV or INNGEST_SIGNING_KEY)",
    );
  }
  concurrencyGroupsOf(fn, functionId);
}

/**
 * The key expressions Inngest evaluates (CEL) reduced to what this executor can evaluate exactly: a path into
 * the event (`event.data.ownerId`) or a string literal (`"llm"`). Anything else is refused at registration.
 */
function compileKey(expression: string, functionId: string): ConcurrencyGroup["key"] {
  const trimmed = expression.trim();
  const literal = /^"([^"\\]*)"$/.exec(trimmed) ?? /^'([^'\\]*)'$/.exec(trimmed);
  if (literal) return { expression, read: () => literal[1] };
  if (!/^event(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(trimmed)) {
    throw new Error(
      `Function "${functionId}": concurrency key ${JSON.stringify(expression)} is not supported by the embedded executor (use event.<path> or a string literal)`,
    );
  }
  const path = trimmed.split(".").slice(1);
  return {
    expression,
    read: (event) =>
      path.reduce<unknown>(
        (value, segment) =>
          value && typeof value === "object" ? (value as Record<string, unknown>)[segment] : undefined,
        event,
      ),
  };
}

/** The function's `concurrency` as groups: a number, one option, or a list of up to two (Inngest's limit). */
export function concurrencyGroupsOf(fn: InngestFunction.Any, functionId: string): ConcurrencyGroup[] {
  const cached = groupsByFunction.get(fn);
  if (cached) return cached;
  const option: unknown = fn.opts.concurrency;
  const list: unknown[] = option === undefined ? [] : Array.isArray(option) ? option : [option];
  if (list.length > 2)
    throw new Error(`Function "${functionId}": at most two concurrency options are allowed`);
  const groups = list.flatMap((entry): ConcurrencyGroup[] => {
    const spec = typeof entry === "number" ? { limit: entry } : (entry as Record<string, unknown>);
    const limit = spec.limit;
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0)
      throw new Error(`Function "${functionId}": concurrency limit must be a non-negative integer`);
    const scope = (spec.scope ?? "fn") as ConcurrencyGroup["scope"];
    if (!["fn", "env", "account"].includes(scope))
      throw new Error(`Function "${functionId}": unknown concurrency scope ${JSON.stringify(scope)}`);
    if (scope !== "fn" && typeof spec.key !== "string")
      throw new Error(`Function "${functionId}": a concurrency scope of "${scope}" needs a key`);
    // Inngest reads 0 as "no limit beyond the account's".
    if (limit === 0) return [];
    const key = typeof spec.key === "string" ? compileKey(spec.key, functionId) : undefined;
    return [{ limit, scope, key }];
  });
  groupsByFunction.set(fn, groups);
  return groups;
}

/**
 * The groups a run of `fn` for `event` counts against, as stored on the run. A key that evaluates to nothing
 * (a missing field) still forms its own group, so such runs are limited together rather than not at all.
 */
export function concurrencyKeysFor(
  fn: InngestFunction.Any,
  functionId: string,
  event: unknown,
): ConcurrencyKeys {
  const groups = concurrencyGroupsOf(fn, functionId);
  return {
    concurrencyKeys: groups.map((group, index) => {
      const value = group.key ? JSON.stringify(group.key.read(event) ?? null) : "";
      return group.scope === "fn" ? `fn:${functionId}:${index}:${value}` : `${group.scope}:${value}`;
    }),
    concurrencyLimits: groups.map((group) => group.limit),
  };
}
