import { z } from "zod";
import { pageTrailParamsSchema } from "./page-trail";
import { MAX_SESSION_SEARCH_LENGTH, sessionListOrderSchema, sessionStatusSchema } from "./sessions";
import { text } from "./text";

/** The page's `sort` is the API's `order`. */
export const sessionListSortSchema = sessionListOrderSchema;
export type SessionListSort = z.infer<typeof sessionListSortSchema>;

/**
 * The sessions page's URL (`/sessions?q=&suite=&status=&from=&to=&sort=&cursor=&prev=`): filters, search, sort and
 * the keyset page, so a view can be shared, reloaded and walked with back/forward. Each malformed parameter is
 * dropped on its own. `suite` is the suite's slug (readable in a shared link; checked against the catalog);
 * `from`/`to` are calendar days, read in the viewer's time zone.
 */
export const sessionListSearchSchema = pageTrailParamsSchema.extend({
  q: text().trim().min(1).max(MAX_SESSION_SEARCH_LENGTH).optional().catch(undefined),
  suite: text()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/)
    .optional()
    .catch(undefined),
  status: sessionStatusSchema.optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  sort: sessionListSortSchema.optional().catch(undefined),
});
