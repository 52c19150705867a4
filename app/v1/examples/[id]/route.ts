import { authedRoute, json } from "@/lib/api/handler";
import { toExampleResource } from "@/lib/examples/example-resource";
import { getExampleForUser } from "@/lib/examples/get-example";

export const GET = authedRoute({ scopes: ["read"] }, async ({ params, principal }) => {
  const example = await getExampleForUser({ userId: principal.userId, exampleId: String(params.id) });
  return json(toExampleResource(example));
});
