import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { meterStorage } from "@/lib/usage/meter-storage";

/** Hourly: storage byte-hours per user (idempotent per hour bucket). */
export const meterStorageFunction = inngest.createFunction(
  { id: "meter-storage", triggers: [cron("7 * * * *")], retries: 2 },
  async ({ step }) => step.run("meter", () => meterStorage()),
);
