import { inngest } from "@/inngest/client";
import { exampleFinished } from "@/inngest/events";
import { deliverExampleCallback } from "@/lib/callbacks/deliver-example-callback";

/**
 * example/finished → signed POST to the example's callback_url. Its own function so a receiver that is down is
 * retried with backoff without touching the example's status.
 */
export const deliverCallbackFunction = inngest.createFunction(
  { id: "deliver-callback", triggers: [exampleFinished], retries: 5 },
  async ({ event, step }) => step.run("post", () => deliverExampleCallback(event.data.exampleId)),
);
