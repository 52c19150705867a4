import type { CanonicalEvent, EventTarget } from "@/schemas/events";
import type { InteractionKind } from "@/schemas/pipeline";
import { fieldKeyOf } from "./field-key";
import { extractEmail, type FieldText } from "./field-text";

/** Clicks closer than this on one target may still become a double click. */
const DOUBLE_CLICK_MS = 500;
/** Scroll events closer than this belong to one burst. */
const SCROLL_BURST_GAP_MS = 1000;

export const modifierKeys = new Set(["Alt", "Control", "Meta", "Shift"]);
type Modifier = "Alt" | "Control" | "Meta" | "Shift";

/** Roles of autocomplete suggestions (listbox options, menu items). */
const suggestionRoles = new Set(["option", "menuitem", "listitem", "gridcell"]);

export type Run = { fieldKey: string; target: EventTarget; eventIds: string[]; ts: number; endTs: number };

/** Mouse events on one element (a click, maybe a double click) or a scroll burst, not yet final. */
export type Pending = {
  kind: "click" | "scroll";
  targetKey: string;
  target?: EventTarget;
  eventIds: string[];
  ts: number;
  endTs: number;
  clicks: number;
};

export type TabState = {
  name: string;
  url?: string;
  title?: string;
  run?: Run;
  pending?: Pending;
  fields: Map<string, FieldText>;
  held: Set<Modifier>;
  reportsModifiers?: boolean;
  /** The recipients-like field typed in last, for autocomplete suggestions clicked afterwards. */
  chipField?: { key: string; target: EventTarget };
};

export const newTabState = (name: string): TabState => ({ name, fields: new Map(), held: new Set() });

export function pathOf(url: string | undefined): string {
  if (!url) return "";
  try {
    const parsed = new URL(url);
    return parsed.origin + parsed.pathname;
  } catch {
    return url;
  }
}

export const clickKeyOf = (event: CanonicalEvent): string =>
  fieldKeyOf(event.target) ?? `xy|${event.x ?? ""}|${event.y ?? ""}`;

/**
 * DevTools Recorder and some native recorders log modifier keys as their own keyDown/keyUp steps instead of
 * `modifiers` on the next key: track what is held so Ctrl+Enter is still Ctrl+Enter.
 */
export function withHeldModifiers(tab: TabState, event: CanonicalEvent): CanonicalEvent {
  // A source that states modifiers on its key events (even as []) needs no inference, and may not log keyups.
  if (event.modifiers !== undefined && (event.type === "keydown" || event.type === "keyup")) {
    tab.reportsModifiers = true;
  }
  if (tab.reportsModifiers) return event;
  const key = event.key ?? "";
  if (modifierKeys.has(key)) {
    if (event.type === "keydown") tab.held.add(key as Modifier);
    else if (event.type === "keyup") tab.held.delete(key as Modifier);
    return event;
  }
  if (event.type !== "keydown" || tab.held.size === 0 || event.modifiers?.length) return event;
  return { ...event, modifiers: [...tab.held] };
}

/** The address of a clicked autocomplete suggestion ("Alice Smith <alice@example.com>") after typing in a chip field. */
export function suggestedChip(tab: TabState, target: EventTarget | undefined): string | undefined {
  if (!tab.chipField || !target) return undefined;
  // Formats that name elements without their role (DevTools Recorder's `aria/Grace Hopper grace@example.com`)
  // still show a pick: an element that is no control, named by a person and an address, right after typing.
  const isSuggestion =
    suggestionRoles.has(target.role ?? "") ||
    (target.role === undefined && !/^(input|textarea|select|button|a)$/.test(target.tag ?? ""));
  if (!isSuggestion) return undefined;
  return extractEmail(
    `${target.text ?? ""} ${target.ariaLabel ?? ""} ${target.attributes?.["data-hovercard-id"] ?? ""}`,
  );
}

/** Whether a mouse or scroll event continues the tab's pending gesture (same target, close enough in time). */
export function joinsPending(
  pending: Pending | undefined,
  kind: Pending["kind"],
  targetKey: string,
  event: CanonicalEvent,
): pending is Pending {
  if (!pending || pending.kind !== kind || pending.targetKey !== targetKey) return false;
  const gap = event.ts - pending.endTs;
  return kind === "scroll"
    ? gap <= SCROLL_BURST_GAP_MS
    : event.type !== "mousedown" || gap <= DOUBLE_CLICK_MS;
}

export function startPending(
  kind: Pending["kind"],
  targetKey: string,
  target: EventTarget | undefined,
  event: CanonicalEvent,
): Pending {
  const clicks = event.type === "mousedown" || event.type === "click" ? 1 : 0;
  return { kind, targetKey, target, eventIds: [event.id], ts: event.ts, endTs: event.ts, clicks };
}

/** A pending click waits for more mouse events on its element, or the change it caused (checkbox, select). */
export function continuesPendingClick(pending: Pending, event: CanonicalEvent): boolean {
  if (pending.kind !== "click" || clickKeyOf(event) !== pending.targetKey) return false;
  return (
    event.type === "mousedown" ||
    event.type === "mouseup" ||
    event.type === "click" ||
    event.type === "change"
  );
}

export const pendingKindOf = (pending: Pending): InteractionKind =>
  pending.kind === "scroll" ? "scroll" : pending.clicks >= 2 ? "dblclick" : "click";
