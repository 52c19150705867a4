import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

/**
 * Every change of a list's view is a new history entry: back and forward walk filter changes and pages. Next.js
 * fills in its router state for a `null` state, so its own navigation keeps working.
 */
export function pushSearch(query: string) {
  window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/**
 * The list's view as the address bar says, read from `window.location` on every push and popstate. Not
 * useSearchParams: after a reload, Next.js's router state can lag behind back/forward through entries pushed by
 * the document before, leaving the controls on an older view than the URL. `serverQuery` is the query the server
 * rendered for `path`: used for hydration, and while a client navigation to the list has not yet moved the
 * address bar off the previous page.
 */
export function useLocationSearch(path: string, serverQuery: string): URLSearchParams {
  const query = useSyncExternalStore(
    subscribe,
    () => (window.location.pathname === path ? window.location.search.replace(/^\?/, "") : serverQuery),
    () => serverQuery,
  );
  return searchParamsOf(query);
}

const cache = new Map<string, URLSearchParams>();
/** One URLSearchParams per query string, so memoised parses downstream see a stable object. */
function searchParamsOf(query: string) {
  let params = cache.get(query);
  if (!params) {
    if (cache.size > 50) cache.clear();
    params = new URLSearchParams(query);
    cache.set(query, params);
  }
  return params;
}
