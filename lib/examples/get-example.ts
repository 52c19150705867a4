import { getDb } from "@/db/client";
import { type ExampleWithSuite, findExampleById } from "@/db/queries/examples";
import { forbidden, notFound } from "@/lib/errors";

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The caller's example: 404 when no example has this id, 403 when it is someone else's. */
export async function getExampleForUser(input: { userId: string; exampleId: string }): Promise<ExampleWithSuite> {
  if (!isUuid(input.exampleId)) throw notFound("Example");
  const example = await findExampleById(await getDb(), input.exampleId);
  if (!example) throw notFound("Example");
  if (example.userId !== input.userId) throw forbidden("This example belongs to another account");
  return example;
}
