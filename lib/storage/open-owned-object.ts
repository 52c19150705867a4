import { getDb } from "@/db/client";
import { isExampleOwnedByWorkspace, isSessionOwnedByWorkspace } from "@/db/queries/storage-owners";
import { notFound } from "@/lib/errors";
import { getObjectStore } from "./get-object-store";
import type { StoredObject } from "./object-store";
import { assertValidKey } from "./storage-key";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which session or example a key belongs to: `sessions/<id>/…` or `examples/<id>/…`; anything else has no owner. */
export function parseOwnerOfKey(key: string): { kind: "session" | "example"; id: string } | undefined {
  const [root, id, ...rest] = key.split("/");
  if (!id || rest.length === 0 || !UUID.test(id)) return undefined;
  if (root === "sessions") return { kind: "session", id: id.toLowerCase() };
  if (root === "examples") return { kind: "example", id: id.toLowerCase() };
  return undefined;
}

/**
 * Opens an object for download by its owner. Not-owned and missing objects both answer 404, so the response
 * does not reveal which session or example ids exist.
 */
export async function openOwnedObject({
  key,
  workspaceId,
}: {
  key: string;
  workspaceId: string;
}): Promise<{ object: StoredObject; stream: ReadableStream<Uint8Array> }> {
  assertValidKey(key);
  const owner = parseOwnerOfKey(key);
  if (!owner) throw notFound("Object");
  const db = await getDb();
  const owned =
    owner.kind === "session"
      ? await isSessionOwnedByWorkspace(db, { sessionId: owner.id, workspaceId })
      : await isExampleOwnedByWorkspace(db, { exampleId: owner.id, workspaceId });
  if (!owned) throw notFound("Object");
  const store = await getObjectStore();
  const object = await store.head(key);
  const stream = object && (await store.getStream(key));
  if (!object || !stream) throw notFound("Object");
  return { object, stream };
}
