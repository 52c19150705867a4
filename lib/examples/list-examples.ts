import { getDb } from "@/db/client";
import { listExamplesForWorkspace } from "@/db/queries/examples";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { badRequest } from "@/lib/errors";
import type { ListExamplesQuery } from "@/schemas/examples";
import { toExampleResource } from "./example-resource";
import { findModelById } from "./resolve-catalog-refs";

const NO_MATCH = "00000000-0000-0000-0000-000000000000";

// Opaque keyset cursor: base64url of "<created_at ISO>|<id>" of the last row of the previous page.
const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw badRequest("Invalid cursor");
  }
  return { createdAt, id };
}

/** One page of the caller's examples, newest first. Unknown suite or model filters match nothing. */
export async function listExamples(input: { workspaceId: string; query: ListExamplesQuery }) {
  const { query } = input;
  const suiteId = query.suite_id
    ? (findSuite(getBundledCatalog(), query.suite_id)?.id ?? NO_MATCH)
    : undefined;
  const modelId = query.model_id ? (findModelById(query.model_id)?.id ?? NO_MATCH) : undefined;
  const rows = await listExamplesForWorkspace(await getDb(), {
    workspaceId: input.workspaceId,
    sessionId: query.session_id,
    suiteId,
    modelId,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    object: "list" as const,
    data: page.map(toExampleResource),
    has_more: rows.length > query.limit,
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
