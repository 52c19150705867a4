import { getDb } from "@/db/client";
import { type ExampleWithSuite, findExampleForWorkspace } from "@/db/queries/examples";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/sessions/get-session";
import { requireFound } from "@/lib/workspaces/require-found";

/** An example of the caller's workspace: 404 when there is none with this id there. */
export async function getExampleForWorkspace(input: {
  workspaceId: string;
  exampleId: string;
}): Promise<ExampleWithSuite> {
  if (!isUuid(input.exampleId)) throw notFound("Example");
  const example = await findExampleForWorkspace(await getDb(), {
    workspaceId: input.workspaceId,
    id: input.exampleId,
  });
  return requireFound(example, "Example");
}
