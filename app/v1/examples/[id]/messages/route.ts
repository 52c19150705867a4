import { authedRoute } from "@/lib/api/handler";
import { openExampleMessages } from "@/lib/examples/open-example-messages";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ params, principal }) => {
  const { stream, sizeBytes, exampleId } = await openExampleMessages({
    workspaceId: principal.workspaceId,
    exampleId: String(params.id),
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="example-${exampleId}.jsonl"`,
      ...(sizeBytes !== null ? { "content-length": String(sizeBytes) } : {}),
    },
  });
});
