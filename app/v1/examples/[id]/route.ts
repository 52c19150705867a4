import { authedRoute, json } from "@/lib/api/handler";
import { toExampleResource } from "@/lib/examples/example-resource";
import { getExampleForWorkspace } from "@/lib/examples/get-example";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ params, principal }) => {
  const example = await getExampleForWorkspace({
    workspaceId: principal.workspaceId,
    exampleId: String(params.id),
  });
  return json(toExampleResource(example));
});
