import { createAp2Example } from "@/lib/ap2/create-ap2-example";
import { authedRoute } from "@/lib/api/handler";
import { parseJsonBytes, readJsonBodyBytes } from "@/lib/api/read-json-body";
import { AppError } from "@/lib/errors";
import { databaseIdempotencyStore } from "@/lib/ingest/database-ingest-deps";
import { readIdempotencyKey, withIdempotency } from "@/lib/ingest/idempotency";
import { createExampleSchema } from "@/schemas/examples";

export const dynamic = "force-dynamic";

/**
 * An agent pays for one example on the card on file: authorised now, captured when it is retrieved finished.
 * `Idempotency-Key` is required: it keys both the replayed response and the Stripe authorisation.
 */
export const POST = authedRoute(
  { scopes: ["full"], permission: "create_example" },
  async ({ request, principal }) => {
    const body = await readJsonBodyBytes(request);
    // The body is checked first, so a bad field is named (422) whether or not the key is there.
    const input = createExampleSchema.parse(parseJsonBytes(body, "bad-request"));
    const idempotencyKey = readIdempotencyKey(request);
    if (!idempotencyKey)
      throw new AppError({
        code: "bad_request",
        message: "AP2 payments need an Idempotency-Key header, so a retried request never pays twice",
      });
    const response = await withIdempotency(
      {
        request,
        body,
        workspaceId: principal.workspaceId,
        scope: "ap2:examples:create",
        store: databaseIdempotencyStore,
      },
      async () => ({
        status: 202,
        body: await createAp2Example({ actor: principal, body: input, idempotencyKey }),
      }),
    );
    const created = (await response.clone().json()) as { id?: unknown };
    if (typeof created.id === "string") response.headers.set("location", `/v1/examples/${created.id}`);
    return response;
  },
);
