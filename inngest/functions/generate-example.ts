import { inngest } from "@/inngest/client";
import { exampleFinished, exampleRequested } from "@/inngest/events";
import { sendEvent } from "@/inngest/send-event";
import { failExampleRun, generateExample } from "@/lib/pipeline-runs/generate-example";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { inngestSteps } from "@/lib/pipeline-runs/step-runner";

const announceFinished = (exampleId: string, status: "completed" | "failed") =>
  sendEvent({
    name: exampleFinished.name,
    id: `example-finished-${exampleId}-${status}`,
    data: { exampleId, status },
  });

/** example/requested → wait for the session, generate, store, record usage, complete, announce. */
export const generateExampleFunction = inngest.createFunction(
  {
    id: "generate-example",
    triggers: [exampleRequested],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { exampleId } = event.data.event.data;
      await failExampleRun(exampleId, error);
      await announceFinished(exampleId, "failed");
    },
  },
  async ({ event, step }) => {
    const { exampleId, userId } = event.data;
    const result = await generateExample(exampleId, userId, inngestSteps(step), getPipelineDeps());
    if (!result.skipped) await step.run("announce", () => announceFinished(exampleId, "completed"));
    return result;
  },
);
