import { createExample } from "@/lib/examples/create-example";
import { toExampleResource } from "@/lib/examples/example-resource";
import { getExampleForWorkspace } from "@/lib/examples/get-example";
import { readExampleMessagesPage } from "@/lib/examples/read-example-messages-page";
import { defineTool } from "../define-tool";

export const exampleTools = [
  defineTool({
    name: "create_example",
    title: "Request an example",
    description:
      "Requests tool-calling training examples from a session's gold actions (status `pending`); the session may still be processing. Poll `get_example` until `completed`, then read `get_example_messages`. Refused when it would have no records (actions still awaiting review).",
    // Each call requests another example; a `callback_url` is POSTed to when it completes (the open world).
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    run: async (ctx, input) => toExampleResource(await createExample({ actor: ctx.principal, body: input })),
  }),
  defineTool({
    name: "get_example",
    title: "Get an example",
    description:
      "One example: status (pending, processing, completed, failed), record count, size and error.",
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    run: async (ctx, input) =>
      toExampleResource(
        await getExampleForWorkspace({ workspaceId: ctx.workspaceId, exampleId: input.example_id }),
      ),
  }),
  defineTool({
    name: "get_example_messages",
    title: "Read an example's records",
    description:
      "A page of a completed example's JSONL records (messages with their tool calls, in the requested format). Page with `offset` = the previous `next_offset`. The whole file is also the resource `tracepipe://examples/{example_id}/messages`.",
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    run: async (ctx, input) =>
      readExampleMessagesPage({
        workspaceId: ctx.workspaceId,
        exampleId: input.example_id,
        offset: input.offset,
        limit: input.limit,
      }),
  }),
];
