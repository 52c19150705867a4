import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { exampleRequested } from "@/inngest/events";
import { emitEvents } from "@/lib/events/emit-events";
import { failExampleRun, generateExample } from "@/lib/pipeline-runs/generate-example";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { inngestSteps } from "@/lib/pipeline-runs/step-runner";
import { accountConcurrency } from "./flow-control";

// The example's status is already stored; the event id makes a repeated announcement (a step re-run) a no-op.
const announceFinished = async (exampleId: string, status: "completed" | "failed") =>
  emitEvents(await getDb(), [
    { name: "example/finished", id: `example-finished-${exampleId}-${status}`, data: { exampleId, status } },
  ]);

/** example/requested → wait for the session, generate, store, record usage, complete, announce. */
export const generateExampleFunction = inngest.createFunction(
  {
    id: "generate-example",
    triggers: [exampleRequested],
    concurrency: [accountConcurrency],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { exampleId } = event.data.event.data;
      await failExampleRun(exampleId, error);
      await announceFinished(exampleId, "failed");
    },
  },
  async ({ event, step }) => {
    const { exampleId, workspaceId, userId } = event.data;
    const result = await generateExample(
      exampleId,
      { workspaceId, userId },
      inngestSteps(step),
      getPipelineDeps(),
    );
    if (!result.skipped) await step.run("announce", () => announceFinished(exampleId, "completed"));
    return result;
  },
);
