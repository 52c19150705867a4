import { authedRoute } from "@/lib/api/handler";
import { badRequest } from "@/lib/errors";
import { openOwnedObject } from "@/lib/storage/open-owned-object";

export const dynamic = "force-dynamic";

const contentTypes: Record<string, string> = {
  json: "application/json",
  jsonl: "application/x-ndjson",
  ndjson: "application/x-ndjson",
  har: "application/json",
  csv: "text/csv",
  txt: "text/plain",
};

/**
 * Streams a locally stored object to its owner (the local store's `downloadUrl`). The body is customer-uploaded
 * data served from the app's origin, so it is always an attachment, never sniffed, and sandboxed by CSP: a
 * recording containing HTML must not run as a page of this app.
 */
export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ params, principal }) => {
  const segments = params.key;
  if (!Array.isArray(segments) || segments.length === 0) throw badRequest("A storage key is required");
  const key = segments.join("/");
  const { object, stream } = await openOwnedObject({ key, workspaceId: principal.workspaceId });
  const name = segments.at(-1) ?? "download";
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  return new Response(stream, {
    headers: {
      "content-type": object.contentType ?? contentTypes[extension] ?? "application/octet-stream",
      "content-length": String(object.size),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
});
