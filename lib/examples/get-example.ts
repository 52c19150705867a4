import { getDb } from "@/db/client";
import { type ExampleWithSuite, findExampleById } from "@/db/queries/examples";
import { assertOwnedBy } from "@/lib/auth/assert-owned-by";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/sessions/get-session";

/** The caller's example: 404 when no example has this id, 403 when it is someone else's. */
export async function getExampleForUser(input: {
  userId: string;
  exampleId: string;
}): Promise<ExampleWithSuite> {
  if (!isUuid(input.exampleId)) throw notFound("Example");
  const example = await findExampleById(await getDb(), input.exampleId);
  assertOwnedBy(example, input, "Example");
  return example;
}
