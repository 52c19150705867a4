import type { CatalogSuite } from "@/schemas/catalog";
import type { Window } from "@/schemas/pipeline";

/**
 * Which catalog suite a window belongs to, from its host (the suite's `origins`, subdomains included) and, for
 * pages served elsewhere (a proxy, a local imitation), its title naming the suite ("Inbox - Gmail"). A minimal
 * classifier for the session-level check; recognisers still match paths only.
 */
export function suiteOfWindow(window: Pick<Window, "url" | "origin" | "title">, suites: CatalogSuite[]) {
  const host = hostOf(window.url) ?? hostOf(window.origin);
  if (host) {
    const byHost = suites.find((suite) =>
      suite.origins.some((origin) => {
        const suiteHost = hostOf(origin);
        return suiteHost !== undefined && (host === suiteHost || host.endsWith(`.${suiteHost}`));
      }),
    );
    if (byHost) return byHost;
  }
  const title = window.title ?? "";
  // Longest names first: "Google Calendar" before a suite called "Calendar".
  return [...suites]
    .sort((a, b) => b.name.length - a.name.length)
    .find((suite) => new RegExp(`(^|[\\s|·–-])${escapeRegExp(suite.name)}($|[\\s|·–-])`, "i").test(title));
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const names = (suites: CatalogSuite[]) =>
  new Intl.ListFormat("en", { type: "disjunction" }).format(suites.map((s) => s.name));

/**
 * The suites the windows belong to (most time first) and, when none of them is one the session was processed for,
 * the sentence that says so: "This recording looks like Gmail, not GitHub". No notice when no window is
 * recognisable at all (nothing to say which app it was).
 */
export function checkSessionSuites(
  windows: Window[],
  chosen: string[],
  suites: CatalogSuite[],
): { detected: string[]; notice?: string } {
  const time = new Map<string, number>();
  for (const window of windows) {
    const suite = suiteOfWindow(window, suites);
    if (suite) time.set(suite.slug, (time.get(suite.slug) ?? 0) + Math.max(1, window.endTs - window.startTs));
  }
  const detected = [...time].sort((a, b) => b[1] - a[1]).map(([slug]) => slug);
  if (detected.length === 0 || detected.some((slug) => chosen.includes(slug))) return { detected };
  const bySlug = (slugs: string[]) => suites.filter((s) => slugs.includes(s.slug));
  return {
    detected,
    notice: `This recording looks like ${names(bySlug(detected))}, not ${names(bySlug(chosen))}`,
  };
}

/**
 * Only actions in windows of their own suite: a Gmail search in a session processed for Calendar is not a Calendar
 * search. Windows no suite claims (an imitation on localhost with no telling title) keep their actions.
 */
export function keepActionsOfSuite<A extends { window: string }>(
  actions: A[],
  windows: Window[],
  suite: string,
  suites: CatalogSuite[],
): A[] {
  const windowSuite = new Map(windows.map((w) => [w.id, suiteOfWindow(w, suites)?.slug]));
  return actions.filter((action) => {
    const owner = windowSuite.get(action.window);
    return owner === undefined || owner === suite;
  });
}
