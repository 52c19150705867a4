import { authedRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

// Authenticated like the reads, so an anonymous caller learns nothing but 401.
const rejectWrite = authedRoute({ scopes: ["read", "ingest"], permission: "read" }, ({ request }) => {
  throw new AppError({
    code: "method_not_allowed",
    message: `The catalog is read-only: ${request.method} is not allowed here`,
    headers: { Allow: "GET, HEAD" },
  });
});

/**
 * Write handlers for catalog routes: Next answers an unexported method with an empty 405, the API promises a
 * problem document. Spread as `export const { POST, PUT, PATCH, DELETE } = readOnlyMethods`.
 */
export const readOnlyMethods = {
  POST: rejectWrite,
  PUT: rejectWrite,
  PATCH: rejectWrite,
  DELETE: rejectWrite,
};
