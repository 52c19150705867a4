/**
 * Every change of a list's view is a new history entry: back and forward walk filter changes and pages.
 * Next.js keeps useSearchParams in step with pushState, so the list re-reads the URL without a server round trip.
 */
export function pushSearch(query: string) {
  window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
}
