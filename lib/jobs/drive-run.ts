import { headerKeys, type InngestFunction, internalEvents } from "inngest";
import type { Database } from "@/db/client";
import {
  failLeasedJobRun,
  type JobRun,
  type JobRunUpdate,
  type NewJobRun,
  renewJobRunLease,
  updateLeasedJobRun,
} from "@/db/queries/job-runs";
import type { logger as rootLogger } from "@/lib/logger";
import { redactErrorMessage } from "@/lib/logging/serialize-error";
import {
  buildExecutionRequest,
  type ExecutionOutcome,
  type MemoizedStep,
  parseExecutionResponse,
  type SerializedError,
} from "./inngest-protocol";
import { type BackoffOptions, retryDelayMs } from "./retry-backoff";

/** A function as the serve handler knows it: the main handler, or its onFailure handler (`<id>-failure`). */
export interface ServedFunction {
  fn: InngestFunction.Any;
  kind: "main" | "failure";
}

export interface DriveContext {
  db: Database;
  signingKey: string;
  /** The SDK's own serve() POST handler, called in-process. */
  handle: (request: Request) => Promise<Response>;
  resolve: (servedFunctionId: string) => ServedFunction | undefined;
  leaseMs: number;
  backoff: BackoffOptions;
  isStopping: () => boolean;
  /** Called when a run is parked until `at` (sleep or retry), so the executor can wake up in time. */
  onScheduled: (at: Date) => void;
  log: typeof rootLogger;
}

// Inngest's default when a function sets no `retries` (helpers/consts.js defaultMaxRetries); the failure
// handler is registered with `retries: { attempts: 1 }`.
const defaultRetries = 3;
const failureHandlerRetries = 1;
/** Requests per claim before the run goes back to the queue, so one long function cannot starve the others. */
const maxRequestsPerClaim = 200;

const released = { lockedUntil: null, leaseToken: null } satisfies JobRunUpdate;

function errorText(error: SerializedError): string {
  return `${error.name ?? "Error"}: ${error.message ?? "unknown error"}`;
}

/**
 * Drives one leased run through the SDK's serve handler until it completes, fails, or waits (sleep or retry
 * backoff). Every step result is stored before the next request, under the lease, so a crash never re-runs a
 * step whose result was stored; a step in flight during a crash runs again (at-least-once, as with Inngest).
 */
export async function driveRun(ctx: DriveContext, run: JobRun): Promise<void> {
  const leaseToken = run.leaseToken;
  if (!leaseToken) throw new Error(`Run ${run.id} was handed over without a lease`);
  const log = ctx.log.child({ runId: run.id, functionId: run.functionId });
  const save = (set: JobRunUpdate) => updateLeasedJobRun(ctx.db, { id: run.id, leaseToken, set });

  const served = ctx.resolve(run.functionId);
  if (!served) {
    await failRun(ctx, run, leaseToken, {
      name: "Error",
      message: `Function "${run.functionId}" is not served`,
    });
    return;
  }
  const retries =
    served.kind === "failure" ? failureHandlerRetries : (served.fn.opts.retries ?? defaultRetries);
  const maxAttempts = retries + 1;
  const steps = { ...(run.steps as Record<string, MemoizedStep>) };
  const stack = [...run.stack];
  let attempt = run.attempt;
  let stepId = run.pendingStepId;
  let version = -1;

  let isLeaseLost = false;
  const heartbeat = setInterval(
    () => {
      renewJobRunLease(ctx.db, { id: run.id, leaseToken, leaseMs: ctx.leaseMs })
        .then((isHeld) => {
          if (!isHeld) isLeaseLost = true;
        })
        .catch((error: unknown) => log.warn({ err: error }, "could not renew job lease"));
    },
    Math.max(50, Math.floor(ctx.leaseMs / 3)),
  );
  heartbeat.unref();

  try {
    for (let request = 0; request < maxRequestsPerClaim; request++) {
      if (ctx.isStopping()) {
        await save({ status: "queued", attempt, pendingStepId: stepId, ...released });
        return;
      }
      const outcome = await execute(ctx, run, { steps, stack, attempt, stepId, version, maxAttempts }).then(
        (result) => {
          version = result.version ?? version;
          return result.outcome;
        },
      );
      if (isLeaseLost) {
        log.warn("lease lost while a request was running; another worker owns the run now");
        return;
      }
      log.debug({ outcome: outcome.kind, attempt }, "execution request answered");
      switch (outcome.kind) {
        case "completed":
          await save({
            status: "completed",
            output: outcome.output,
            pendingStepId: null,
            error: null,
            finishedAt: new Date(),
            ...released,
          });
          return;
        case "step-completed":
        case "step-failed":
          // A failed step is memoized as an error too: the SDK then throws a StepError at that step in user code.
          steps[outcome.stepId] =
            outcome.kind === "step-completed"
              ? { type: "data", data: outcome.data }
              : { type: "error", error: outcome.error };
          stack.push(outcome.stepId);
          attempt = 0;
          stepId = null;
          if (!(await save({ steps, stack, attempt, pendingStepId: null }))) return;
          break;
        case "run-step":
          stepId = outcome.stepId;
          break;
        case "sleep":
          // The sleep's result (null) is stored with the wake-up time; the SDK only sees it on the next request.
          steps[outcome.stepId] = { type: "data", data: null };
          stack.push(outcome.stepId);
          await save({
            status: "sleeping",
            steps,
            stack,
            attempt: 0,
            pendingStepId: null,
            runAfter: outcome.until,
            ...released,
          });
          ctx.onScheduled(outcome.until);
          return;
        case "step-errored":
        case "function-errored": {
          const isRetriable = outcome.kind === "step-errored" || outcome.isRetriable;
          if (!isRetriable || attempt + 1 >= maxAttempts) {
            await failRun(ctx, run, leaseToken, outcome.error);
            return;
          }
          const runAfter = outcome.retryAt ?? new Date(Date.now() + retryDelayMs(attempt + 1, ctx.backoff));
          log.info({ attempt: attempt + 1, runAfter, error: errorText(outcome.error) }, "retrying job run");
          await save({
            status: "queued",
            attempt: attempt + 1,
            pendingStepId: outcome.kind === "step-errored" ? outcome.stepId : null,
            error: errorText(outcome.error),
            runAfter,
            ...released,
          });
          ctx.onScheduled(runAfter);
          return;
        }
      }
    }
    await save({ status: "queued", attempt, pendingStepId: stepId, runAfter: new Date(), ...released });
  } finally {
    clearInterval(heartbeat);
  }
}

async function execute(
  ctx: DriveContext,
  run: JobRun,
  state: {
    steps: Record<string, MemoizedStep>;
    stack: string[];
    attempt: number;
    stepId: string | null;
    version: number;
    maxAttempts: number;
  },
): Promise<{ outcome: ExecutionOutcome; version: number | null }> {
  try {
    const request = await buildExecutionRequest({
      servedFunctionId: run.functionId,
      stepId: state.stepId,
      event: run.event,
      steps: state.steps,
      stack: state.stack,
      runId: run.id,
      attempt: state.attempt,
      maxAttempts: state.maxAttempts,
      signingKey: ctx.signingKey,
      version: state.version,
    });
    const response = await ctx.handle(request);
    const version = Number(response.headers.get(headerKeys.RequestVersion));
    return {
      outcome: await parseExecutionResponse(response, new Date()),
      version: Number.isInteger(version) && version > 0 ? version : null,
    };
  } catch (error) {
    // The handler itself threw (it normally answers errors as HTTP 500): retry like any transient failure.
    const message = error instanceof Error ? error.message : String(error);
    return {
      outcome: {
        kind: "function-errored",
        error: { name: "Error", message },
        retryAt: null,
        isRetriable: true,
      },
      version: null,
    };
  }
}

/** Fails the run and, for a function with `onFailure`, queues its failure handler in the same transaction. */
async function failRun(
  ctx: DriveContext,
  run: JobRun,
  leaseToken: string,
  error: SerializedError,
): Promise<void> {
  const served = ctx.resolve(run.functionId);
  const hasFailureHandler = served?.kind === "main" && Boolean(served.fn.opts.onFailure);
  const failureRun: NewJobRun | null = hasFailureHandler
    ? {
        functionId: `${run.functionId}-failure`,
        eventId: `failure-${run.id}`,
        eventName: internalEvents.FunctionFailed,
        event: {
          name: internalEvents.FunctionFailed,
          id: `failure-${run.id}`,
          ts: Date.now(),
          data: { function_id: run.functionId, run_id: run.id, error, event: run.event },
        },
      }
    : null;
  const isDone = await failLeasedJobRun(ctx.db, {
    id: run.id,
    leaseToken,
    error: errorText(error),
    failureRun,
  });
  if (isDone)
    ctx.log.warn(
      { runId: run.id, functionId: run.functionId, error: redactErrorMessage(errorText(error)) },
      "job run failed",
    );
  if (isDone && failureRun) ctx.onScheduled(new Date());
}
