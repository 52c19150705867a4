import { getDb } from "@/db/client";
import { findExampleById } from "@/db/queries/examples";
import { toExampleResource } from "@/lib/examples/example-resource";
import { childLogger } from "@/lib/logger";
import type { ExampleCallback } from "@/schemas/examples";
import { getCallbackSecret } from "./callback-secret";
import { postCallback } from "./post-callback";

const log = childLogger("callbacks");

/**
 * Sends the example's final state to its callback_url, signed with the owner's secret. The event id is stable per
 * example and status so a receiver can drop the duplicates that retries may cause.
 */
export async function deliverExampleCallback(
  exampleId: string,
): Promise<{ delivered: boolean; status?: number }> {
  const example = await findExampleById(await getDb(), exampleId);
  if (!example?.callbackUrl) return { delivered: false };
  if (example.status !== "completed" && example.status !== "failed") return { delivered: false };
  const payload: ExampleCallback = {
    type: example.status === "completed" ? "example.completed" : "example.failed",
    created_at: new Date().toISOString(),
    data: toExampleResource(example),
  };
  const { status } = await postCallback({
    url: example.callbackUrl,
    body: JSON.stringify(payload),
    secret: getCallbackSecret(example.userId),
    eventId: `${example.id}:${example.status}`,
  });
  log.info({ exampleId, status }, "callback delivered");
  return { delivered: true, status };
}
