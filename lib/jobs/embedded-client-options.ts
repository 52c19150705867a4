import { Middleware, type SendEventBaseOutput } from "inngest";
import { getEmbeddedExecutor } from "./executor-registry";
import { toHex } from "./inngest-protocol";

/**
 * Routes `step.sendEvent` and `inngest.send` to the embedded executor instead of an Inngest event API.
 * Events sent from inside a step get an id derived from the run and step, so a step re-run after a crash
 * (before its result was stored) queues no duplicate runs.
 */
class EmbeddedSendMiddleware extends Middleware.BaseMiddleware {
  readonly id = "tracepipe:embedded-send";

  async wrapSendEvent({ events }: Middleware.WrapSendEventArgs): Promise<SendEventBaseOutput> {
    const executor = getEmbeddedExecutor(this.client.id);
    if (!executor) {
      throw new Error(
        `No embedded executor is running for Inngest app "${this.client.id}"; events are written to the outbox with lib/events/emit-events.ts`,
      );
    }
    // Loaded on use: inngest/experimental pulls in OpenTelemetry, which modules importing the client should not pay for.
    const { getAsyncCtx } = await import("inngest/experimental");
    const ctx = await getAsyncCtx();
    const runId = ctx?.execution?.ctx.runId;
    const stepId = ctx?.execution?.executingStep?.hashedId;
    const list = events.map((event, index) => ({
      name: event.name,
      data: { ...(event.data ?? {}) },
      id: event.id ?? (runId && stepId ? `${runId}:${stepId}:${index}` : undefined),
    }));
    return { ids: await executor.send(list) };
  }
}

/**
 * Client options for the embedded default (no Inngest engine configured). The client stays in cloud mode with a
 * per-process signing key, so the serve handler verifies every execution request: only this process's executor
 * can drive functions, and an unsigned POST to /api/inngest is refused. The event key only satisfies the SDK's
 * "cloud mode needs an event key" check; sends never leave the process.
 */
export function embeddedClientOptions() {
  return {
    signingKey: `signkey-embedded-${toHex(crypto.getRandomValues(new Uint8Array(32)))}`,
    eventKey: "embedded-executor",
    middleware: [EmbeddedSendMiddleware],
  };
}
