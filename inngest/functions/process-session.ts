import { inngest } from "@/inngest/client";
import { sessionUploaded } from "@/inngest/events";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { failSessionRun, processSession } from "@/lib/pipeline-runs/process-session";
import { inngestSteps } from "@/lib/pipeline-runs/step-runner";
import { accountConcurrency } from "./flow-control";

/** session/uploaded → bronze, silver, gold, finalize; after the last retry the session is marked failed. */
export const processSessionFunction = inngest.createFunction(
  {
    id: "process-session",
    triggers: [sessionUploaded],
    concurrency: [accountConcurrency],
    retries: 3,
    onFailure: async ({ event, error }) => {
      await failSessionRun(event.data.event.data.sessionId, error);
    },
  },
  async ({ event, step }) => processSession(event.data.sessionId, inngestSteps(step), getPipelineDeps()),
);
