import { authedRoute, json } from "@/lib/api/handler";
import { badRequest } from "@/lib/errors";
import { createExample } from "@/lib/examples/create-example";
import { toExampleResource } from "@/lib/examples/example-resource";
import { listExamples } from "@/lib/examples/list-examples";
import { createExampleSchema, listExamplesQuerySchema } from "@/schemas/examples";

export const POST = authedRoute({ scopes: ["full"] }, async ({ request, principal }) => {
  const body = await request.json().catch(() => {
    throw badRequest("The request body must be JSON");
  });
  const example = await createExample({ userId: principal.userId, body: createExampleSchema.parse(body) });
  return json(toExampleResource(example), {
    status: 202,
    headers: { location: `/v1/examples/${example.id}` },
  });
});

export const GET = authedRoute({ scopes: ["read"] }, async ({ request, principal }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listExamples({ userId: principal.userId, query: listExamplesQuerySchema.parse(params) }));
});
