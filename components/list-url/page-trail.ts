import { PAGE_TRAIL_MAX } from "@/schemas/page-trail";

/** The keyset page a list URL names: this page's cursor ("" on the first) and the cursors of the pages before. */
export interface PageTrail {
  cursor: string;
  prev: string[];
}

/** Earlier-page cursors only mean something on a later page. */
export const toPageTrail = (parsed: { cursor?: string; prev?: string[] }): PageTrail => ({
  cursor: parsed.cursor ?? "",
  prev: parsed.cursor ? (parsed.prev ?? []) : [],
});

/** The `cursor` and `prev` parameters, in this order, for a canonical query string. */
export const pageTrailParams = (trail: PageTrail) => ({
  cursor: trail.cursor || undefined,
  prev: trail.cursor && trail.prev.length > 0 ? trail.prev.join(".") : undefined,
});

export const firstPage = <T extends PageTrail>(search: T): T => ({ ...search, cursor: "", prev: [] });

/** The next (older) page: this page's cursor joins the trail, dropping the oldest past the bound. */
export const olderPage = <T extends PageTrail>(search: T, nextCursor: string): T => ({
  ...search,
  cursor: nextCursor,
  prev: search.cursor ? [...search.prev, search.cursor].slice(-PAGE_TRAIL_MAX) : [],
});

export const newerPage = <T extends PageTrail>(search: T): T => ({
  ...search,
  cursor: search.prev.at(-1) ?? "",
  prev: search.prev.slice(0, -1),
});

export const pageNumberOf = (search: PageTrail) => (search.cursor ? search.prev.length + 2 : 1);
