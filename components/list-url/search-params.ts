import type { z } from "zod";

/**
 * Search params as a list page receives them: the server's record (Next.js `searchParams`) or the browser's
 * URLSearchParams (`useSearchParams`), so one parser serves the server render and the client.
 */
export type RawSearch = URLSearchParams | Record<string, string | string[] | undefined>;

/** The first value of a parameter; a repeated parameter keeps its first value, as URLSearchParams.get does. */
export const firstValue = (raw: RawSearch, name: string) => {
  const value = raw instanceof URLSearchParams ? raw.get(name) : raw[name];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
};

/** The query string as requested, every value in order, for comparison with the canonical one. */
export function requestedQueryString(raw: RawSearch): string {
  if (raw instanceof URLSearchParams) return raw.toString();
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) params.append(name, one);
  }
  return params.toString();
}

/** A query string from named values in their given order, leaving out undefined and empty ones. */
export function toQueryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  return params.toString();
}

/** A path with its query string, without a dangling "?". */
export const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/**
 * Parses a list page's search params with its zod object schema: the first value of each parameter the schema
 * names, so unknown parameters never reach it (and the canonical redirect drops them).
 */
export function parseSearchParams<S extends z.ZodObject>(schema: S, raw: RawSearch): z.output<S> {
  const values = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, firstValue(raw, name)]));
  return schema.parse(values);
}
