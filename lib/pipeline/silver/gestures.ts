import type { CanonicalEvent, EventTarget } from "@/schemas/events";
import type { Interaction } from "@/schemas/pipeline";
import {
  clickKeyOf,
  continuesPendingClick,
  joinsPending,
  type Pending,
  startPending,
  type TabState,
} from "./tab-state";

type EmitPending = (tab: TabState, pending: Pending, out: Interaction[]) => void;
type EmitDoubleClick = (
  tab: TabState,
  eventIds: string[],
  ts: number,
  endTs: number,
  target: EventTarget | undefined,
  out: Interaction[],
) => void;

/**
 * Mouse events on one element become one click (or double click) and scroll events one burst. A gesture stays
 * pending until an event that does not continue it arrives; then the builder emits it.
 */
export class Gestures {
  constructor(
    private readonly emitPending: EmitPending,
    private readonly emitDoubleClick: EmitDoubleClick,
  ) {}

  add(
    tab: TabState,
    kind: Pending["kind"],
    targetKey: string,
    target: EventTarget | undefined,
    event: CanonicalEvent,
    out: Interaction[],
  ): void {
    const pending = tab.pending;
    if (joinsPending(pending, kind, targetKey, event)) {
      pending.eventIds.push(event.id);
      pending.endTs = event.ts;
      if (event.type === "mousedown") pending.clicks++;
      if (!pending.target && target) pending.target = target;
      return;
    }
    if (pending) {
      tab.pending = undefined;
      this.emitPending(tab, pending, out);
    }
    tab.pending = startPending(kind, targetKey, target, event);
  }

  /** Two clicks' worth of mouse events and a dblclick on one target are one double click. */
  mergeDoubleClick(tab: TabState, event: CanonicalEvent, out: Interaction[]): boolean {
    const pending = tab.pending;
    if (pending?.kind !== "click" || pending.targetKey !== clickKeyOf(event)) return false;
    tab.pending = undefined;
    this.emitDoubleClick(tab, [...pending.eventIds, event.id], pending.ts, event.ts, pending.target, out);
    return true;
  }

  /** Flushes a pending click or scroll burst unless the event continues it. */
  flush(tab: TabState, event: CanonicalEvent | undefined, out: Interaction[]): void {
    const pending = tab.pending;
    if (!pending) return;
    if (event && continuesPendingClick(pending, event)) return;
    tab.pending = undefined;
    this.emitPending(tab, pending, out);
  }

  /** The click that toggled a checkbox or opened a select belongs to the choice it made. */
  takeClickFor(tab: TabState, event: CanonicalEvent, out: Interaction[]): Pending | undefined {
    const pending = tab.pending;
    if (pending?.kind === "click" && pending.targetKey === clickKeyOf(event)) {
      tab.pending = undefined;
      return pending;
    }
    this.flush(tab, undefined, out);
    return undefined;
  }
}
