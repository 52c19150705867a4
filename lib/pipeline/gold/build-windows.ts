import type { PageKind } from "@/lib/pipeline/recognisers/recogniser-types";
import { detectSuite } from "@/lib/pipeline/recognisers/suite-recognisers";
import type { Interaction, Window } from "@/schemas/pipeline";

/** Path + query + hash: what recogniser URL patterns see (never the host, see recogniser-types). */
export function localPartOf(url: string | undefined): string {
  if (!url) return "";
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return url;
  }
}

export function originOf(url: string | undefined): string {
  if (!url) return "";
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

export function pageKindOf(url: string | undefined, title: string | undefined, kinds: PageKind[]): string {
  const local = localPartOf(url);
  for (const kind of kinds) {
    if (kind.path.test(local) && (!kind.title || kind.title.test(title ?? ""))) return kind.kind;
  }
  return url ? "page" : "unknown";
}

/**
 * Cuts each tab's interactions into windows: a new window starts when the tab's origin or page kind changes.
 * Each window is classified to the suite its host, title or path belongs to (see `detectSuite`).
 * Interactions arrive in time order; state is one open window per tab.
 */
export class WindowTracker {
  readonly windows: Window[] = [];
  private readonly open = new Map<string, Window>();
  private nextId = 1;

  constructor(private readonly kinds: PageKind[]) {}

  add(interaction: Interaction): Window {
    const origin = originOf(interaction.url);
    const pageKind = pageKindOf(interaction.url, interaction.title, this.kinds);
    let window = this.open.get(interaction.tab);
    if (!window || window.origin !== origin || window.pageKind !== pageKind) {
      const suite = detectSuite(interaction.url, interaction.title);
      window = {
        id: `w${this.nextId++}`,
        tab: interaction.tab,
        origin,
        pageKind,
        ...(suite ? { suite } : {}),
        startTs: interaction.ts,
        endTs: interaction.endTs,
        interactionIds: [],
        ...(interaction.url ? { url: interaction.url } : {}),
        ...(interaction.title ? { title: interaction.title } : {}),
      };
      this.open.set(interaction.tab, window);
      this.windows.push(window);
    }
    window.interactionIds.push(interaction.id);
    window.endTs = Math.max(window.endTs, interaction.endTs);
    return window;
  }
}
