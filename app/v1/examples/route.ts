import { authedRoute, json } from "@/lib/api/handler";
import { parseJsonBytes, readJsonBodyBytes } from "@/lib/api/read-json-body";
import { createExample } from "@/lib/examples/create-example";
import { toExampleResource } from "@/lib/examples/example-resource";
import { listExamples } from "@/lib/examples/list-examples";
import { databaseIdempotencyStore } from "@/lib/ingest/database-ingest-deps";
import { withIdempotency } from "@/lib/ingest/idempotency";
import { createExampleSchema, listExamplesQuerySchema } from "@/schemas/examples";

export const dynamic = "force-dynamic";

/** A retried POST with the same `Idempotency-Key` replays the first 202 instead of creating a second example. */
export const POST = authedRoute(
  { scopes: ["full"], permission: "create_example" },
  async ({ request, principal }) => {
    const body = await readJsonBodyBytes(request);
    const response = await withIdempotency(
      {
        request,
        body,
        workspaceId: principal.workspaceId,
        scope: "examples:create",
        store: databaseIdempotencyStore,
      },
      async () => {
        const example = await createExample({
          actor: principal,
          body: createExampleSchema.parse(parseJsonBytes(body, "bad-request")),
        });
        return { status: 202, body: toExampleResource(example) };
      },
    );
    const created = (await response.clone().json()) as { id?: unknown };
    if (typeof created.id === "string") response.headers.set("location", `/v1/examples/${created.id}`);
    return response;
  },
);

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ request, principal }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return json(
    await listExamples({ workspaceId: principal.workspaceId, query: listExamplesQuerySchema.parse(params) }),
  );
});
