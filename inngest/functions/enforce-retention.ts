import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { enforceRetention } from "@/lib/data-policy/enforce-retention";

/** Hourly: raw recordings and derived artifacts past each account's retention are deleted. */
export const enforceRetentionFunction = inngest.createFunction(
  { id: "enforce-retention", triggers: [cron("23 * * * *")], retries: 2 },
  async ({ step }) => step.run("enforce", () => enforceRetention()),
);
