import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { enforceRetention } from "@/lib/data-policy/enforce-retention";
import { pruneWorkspaceEvents } from "@/lib/events/prune-workspace-events";

/**
 * Hourly: raw recordings and derived artifacts past each account's retention are deleted, and live-stream
 * events past their resume window.
 */
export const enforceRetentionFunction = inngest.createFunction(
  { id: "enforce-retention", triggers: [cron("23 * * * *")], retries: 2 },
  async ({ step }) => {
    const retention = await step.run("enforce", () => enforceRetention());
    const prunedEvents = await step.run("prune-stream-events", () => pruneWorkspaceEvents());
    return { ...retention, prunedEvents };
  },
);
