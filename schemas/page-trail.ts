import { z } from "zod";
import { text } from "./text";

/** A keyset cursor as the list APIs return it (base64url); its content is checked when it is used. */
export const pageCursorParamSchema = text().regex(/^[A-Za-z0-9_-]{1,200}$/);

/**
 * Bound on the cursors of earlier pages kept in a list page's URL (~80 characters each), so the URL stays well
 * under request-line limits; deeper than this, "Newer" skips back to the first page kept.
 */
export const PAGE_TRAIL_MAX = 40;

/**
 * The `cursor` and `prev` parameters of a keyset-paged list page's URL. Each malformed one is dropped on its own.
 * `prev` holds the cursors of the pages before this one (dot-separated), for "Newer".
 */
export const pageTrailParamsSchema = z.object({
  cursor: pageCursorParamSchema.optional().catch(undefined),
  prev: text()
    .transform((value) => value.split("."))
    .pipe(z.array(pageCursorParamSchema).max(PAGE_TRAIL_MAX))
    .optional()
    .catch(undefined),
});
