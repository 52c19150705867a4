import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { usageReportRequested } from "@/inngest/events";
import { REPORT_BATCH_SIZE, reportUsageBatch } from "@/lib/billing/report-usage";

/** Bounds one run; what is left is picked up by the next tick. */
const MAX_BATCHES_PER_RUN = 20;

/**
 * Every 10 minutes and on demand: unreported usage → Stripe meter events, in batches of 100, one step each.
 * One run at a time, so two runs never send the same batch concurrently (a re-send would still be counted once:
 * each meter event's identifier is its usage record id).
 */
export const reportUsageFunction = inngest.createFunction(
  {
    id: "report-usage",
    triggers: [cron("*/10 * * * *"), usageReportRequested],
    concurrency: { limit: 1 },
    retries: 3,
  },
  async ({ step }) => {
    let reported = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const sent = await step.run(`report-batch-${batch}`, () => reportUsageBatch());
      reported += sent;
      if (sent < REPORT_BATCH_SIZE) break;
    }
    return { reported };
  },
);
