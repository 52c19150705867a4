import type { CanonicalEvent, EventTarget } from "@/schemas/events";
import type { Interaction, InteractionKind } from "@/schemas/pipeline";
import { fieldKeyOf, isChipField, isFormClosingClick, isMultiline, isTextField, isToggle } from "./field-key";
import { extractEmail, FieldText } from "./field-text";

/** Roles of autocomplete suggestions (listbox options, menu items). */
const suggestionRoles = new Set(["option", "menuitem", "listitem", "gridcell"]);

/** Clicks closer than this on one target may still become a double click. */
const DOUBLE_CLICK_MS = 500;
/** Scroll events closer than this belong to one burst. */
const SCROLL_BURST_GAP_MS = 1000;

type Run = { fieldKey: string; target: EventTarget; eventIds: string[]; ts: number; endTs: number };
type Pending = {
  kind: "click" | "scroll";
  targetKey: string;
  target?: EventTarget;
  eventIds: string[];
  ts: number;
  endTs: number;
  clicks: number;
};

type TabState = {
  url?: string;
  title?: string;
  run?: Run;
  pending?: Pending;
  fields: Map<string, FieldText>;
  /** The recipients-like field typed in last, for autocomplete suggestions clicked afterwards. */
  chipField?: { key: string; target: EventTarget };
};

export type SilverCounts = Record<string, { events: number; interactions: number }>;

const pathOf = (url: string | undefined) => {
  if (!url) return "";
  try {
    const parsed = new URL(url);
    return parsed.origin + parsed.pathname;
  } catch {
    return url;
  }
};

/**
 * Turns time-ordered canonical events into interactions, one event at a time, holding only per-tab state (the
 * open typing run, a pending click or scroll burst, the text of each field). `push` returns the interactions that
 * became final; `flush` returns the rest at the end of the stream.
 */
export class SilverBuilder {
  private readonly tabs = new Map<string, TabState>();
  private nextId = 1;
  readonly counts: SilverCounts = {};
  eventCount = 0;
  /** keydown events seen: recordings without any (rrweb) never show Enter presses. */
  keyEventCount = 0;
  timezone: string | undefined;

  push(event: CanonicalEvent): Interaction[] {
    this.eventCount++;
    if (event.type === "keydown") this.keyEventCount++;
    if (event.type === "meta") {
      if (event.timezone) this.timezone ??= event.timezone;
      return [];
    }
    const out: Interaction[] = [];
    const tab = this.tabOf(event.tab ?? "main");
    if (event.type === "dblclick" && this.mergeDoubleClick(tab, event, out)) return out;
    if (event.type !== "scroll" || tab.pending?.kind !== "scroll") this.flushPending(tab, event, out);
    if (event.title) tab.title = event.title;
    if (event.url && event.type !== "navigation") tab.url = event.url;
    this.handle(tab, event, out);
    return out;
  }

  flush(): Interaction[] {
    const out: Interaction[] = [];
    for (const tab of this.tabs.values()) {
      this.endRun(tab, out);
      this.flushPending(tab, undefined, out);
    }
    return out;
  }

  private handle(tab: TabState, event: CanonicalEvent, out: Interaction[]): void {
    const target = event.target;
    const key = fieldKeyOf(target);
    switch (event.type) {
      case "navigation": {
        this.endRun(tab, out);
        if (pathOf(event.url) !== pathOf(tab.url)) this.resetFields(tab);
        tab.url = event.url ?? tab.url;
        this.emit(tab, out, "navigate", [event.id], event.ts, event.ts, { url: tab.url });
        return;
      }
      case "scroll":
        this.addToPending(tab, "scroll", "scroll", undefined, event, out);
        return;
      case "mousedown":
      case "mouseup":
      case "click":
        if (key !== tab.run?.fieldKey) this.endRun(tab, out);
        if (event.type === "click" && isFormClosingClick(target)) this.resetFields(tab);
        this.addToPending(tab, "click", this.clickKeyOf(event), target, event, out);
        return;
      case "dblclick":
      case "contextmenu":
        this.endRun(tab, out);
        this.emit(
          tab,
          out,
          event.type === "dblclick" ? "dblclick" : "click",
          [event.id],
          event.ts,
          event.ts,
          { target },
        );
        return;
      case "focus":
        if (key !== tab.run?.fieldKey) this.endRun(tab, out);
        this.count("focus", 1);
        return;
      case "blur":
        if (key && isChipField(target)) this.fieldOf(tab, key).commitChips();
        if (key === tab.run?.fieldKey) this.extendRun(tab, event);
        this.endRun(tab, out);
        return;
      case "submit":
        this.endRun(tab, out);
        this.emit(tab, out, "submit", [event.id], event.ts, event.ts, { target });
        return;
      case "change":
        if (isToggle(target) || target?.tag === "select" || target?.role === "listbox") {
          this.endRun(tab, out);
          this.emitChoice(tab, event, out);
          return;
        }
        break;
      case "screenshot":
        this.count("screenshot", 1);
        return;
      default:
        break;
    }
    this.handleText(tab, event, key, out);
  }

  /** keydown / input / keyup / paste / change of a text field. */
  private handleText(
    tab: TabState,
    event: CanonicalEvent,
    key: string | undefined,
    out: Interaction[],
  ): void {
    const target = event.target ?? tab.run?.target;
    const fieldKey = key ?? tab.run?.fieldKey;
    if (!fieldKey || !target) {
      // Keys with no target (Chrome traces) still mark Enter/Escape presses.
      if (event.type === "keydown" && (event.key === "Enter" || event.key === "Escape")) {
        this.emit(tab, out, "press", [event.id], event.ts, event.ts, {
          key: event.key,
          modifiers: event.modifiers,
        });
      } else this.count(event.type, 1);
      return;
    }
    if (tab.run && tab.run.fieldKey !== fieldKey) this.endRun(tab, out);
    if (event.type === "keyup" && !tab.run) {
      // The keyup of a key that ended a run (Enter, Escape) or of a key pressed before focus: nothing typed.
      this.count("keyup", 1);
      return;
    }
    const field = this.fieldOf(tab, fieldKey);
    const chipField = isChipField(target);
    if (chipField) tab.chipField = { key: fieldKey, target };
    if (event.type === "keydown") {
      const pressKey = event.key ?? "";
      const command = event.modifiers?.some((m) => m === "Control" || m === "Meta") ?? false;
      const commitsChip =
        chipField && (pressKey === "Enter" || pressKey === "Tab" || pressKey === "," || pressKey === ";");
      if (commitsChip && !command) {
        this.extendRun(tab, event, target, fieldKey);
        field.commitChips();
        if (pressKey === "Tab") this.endRun(tab, out);
        return;
      }
      if (chipField && pressKey === "Backspace" && field.text === "" && field.chips.length > 0)
        field.chips.pop();
      else if ((pressKey === "Enter" && (!isMultiline(target) || command)) || pressKey === "Escape") {
        this.endRun(tab, out);
        this.emit(tab, out, "press", [event.id], event.ts, event.ts, {
          key: pressKey,
          modifiers: event.modifiers,
          target,
          fieldKey,
          ...this.valueOf(field),
        });
        return;
      } else field.applyKeyDown(event, isMultiline(target));
    } else if (event.type === "input" || event.type === "change") {
      field.applyInput(event, chipField);
    } else if (event.type === "paste") {
      field.applyPaste(event);
    }
    this.extendRun(tab, event, target, fieldKey);
  }

  private extendRun(tab: TabState, event: CanonicalEvent, target?: EventTarget, fieldKey?: string): void {
    if (!tab.run) {
      if (!target || !fieldKey) return;
      tab.run = { fieldKey, target, eventIds: [], ts: event.ts, endTs: event.ts };
    }
    tab.run.eventIds.push(event.id);
    tab.run.endTs = event.ts;
    // Later events often describe the element better (rrweb input events carry the label, keydowns may not).
    if (target && target !== tab.run.target) tab.run.target = { ...tab.run.target, ...target };
  }

  private endRun(tab: TabState, out: Interaction[]): void {
    const run = tab.run;
    if (!run) return;
    tab.run = undefined;
    const field = this.fieldOf(tab, run.fieldKey);
    if (!isTextField(run.target) && field.text === "" && field.chips.length === 0) {
      this.count("keyup", run.eventIds.length);
      return;
    }
    this.emit(tab, out, "type", run.eventIds, run.ts, run.endTs, {
      target: run.target,
      fieldKey: run.fieldKey,
      ...this.valueOf(field),
    });
  }

  private valueOf(field: FieldText): Partial<Interaction> {
    if (field.masked) return { masked: true };
    return { value: field.text, ...(field.chips.length > 0 ? { chips: [...field.chips] } : {}) };
  }

  private emitChoice(tab: TabState, event: CanonicalEvent, out: Interaction[]): void {
    const target = event.target;
    const pending = tab.pending;
    const eventIds = [event.id];
    let ts = event.ts;
    // The click that toggled a checkbox or opened a select is part of the same choice.
    if (pending?.kind === "click" && pending.targetKey === this.clickKeyOf(event)) {
      eventIds.unshift(...pending.eventIds);
      ts = pending.ts;
      tab.pending = undefined;
    } else this.flushPending(tab, undefined, out);
    const toggle = isToggle(target);
    const checked = target?.checked ?? ((target?.type ?? "").toLowerCase() === "radio" ? true : undefined);
    const value = event.masked ? undefined : (event.value ?? undefined);
    this.emit(tab, out, toggle ? "check" : "select", eventIds, ts, event.ts, {
      target,
      fieldKey: fieldKeyOf(target),
      ...(value !== undefined && value !== null ? { value } : {}),
      ...(checked !== undefined ? { checked } : {}),
      ...(event.masked ? { masked: true } : {}),
    });
  }

  private addToPending(
    tab: TabState,
    kind: "click" | "scroll",
    targetKey: string,
    target: EventTarget | undefined,
    event: CanonicalEvent,
    out: Interaction[],
  ): void {
    const pending = tab.pending;
    if (pending && pending.kind === kind && pending.targetKey === targetKey) {
      const gap = event.ts - pending.endTs;
      const joins =
        kind === "scroll" ? gap <= SCROLL_BURST_GAP_MS : event.type !== "mousedown" || gap <= DOUBLE_CLICK_MS;
      if (joins) {
        pending.eventIds.push(event.id);
        pending.endTs = event.ts;
        if (event.type === "mousedown") pending.clicks++;
        if (!pending.target && target) pending.target = target;
        return;
      }
    }
    if (pending) {
      tab.pending = undefined;
      this.emitPending(tab, pending, out);
    }
    tab.pending = {
      kind,
      targetKey,
      target,
      eventIds: [event.id],
      ts: event.ts,
      endTs: event.ts,
      clicks: event.type === "mousedown" || event.type === "click" ? 1 : 0,
    };
  }

  /** Three clicks' worth of mouse events and a dblclick on one target are one double click. */
  private mergeDoubleClick(tab: TabState, event: CanonicalEvent, out: Interaction[]): boolean {
    const pending = tab.pending;
    if (pending?.kind !== "click" || pending.targetKey !== this.clickKeyOf(event)) return false;
    tab.pending = undefined;
    this.emit(tab, out, "dblclick", [...pending.eventIds, event.id], pending.ts, event.ts, {
      target: pending.target,
    });
    return true;
  }

  private clickKeyOf(event: CanonicalEvent): string {
    return fieldKeyOf(event.target) ?? `xy|${event.x ?? ""}|${event.y ?? ""}`;
  }

  /** Flushes a pending click or scroll burst unless the event continues it. */
  private flushPending(tab: TabState, event: CanonicalEvent | undefined, out: Interaction[]): void {
    const pending = tab.pending;
    if (!pending) return;
    if (event && pending.kind === "click" && this.clickKeyOf(event) === pending.targetKey) {
      const isMouse = event.type === "mousedown" || event.type === "mouseup" || event.type === "click";
      // A change on the clicked element (checkbox, radio, select) joins the click in emitChoice.
      if (isMouse || event.type === "change") return;
    }
    tab.pending = undefined;
    this.emitPending(tab, pending, out);
  }

  private emitPending(tab: TabState, pending: Pending, out: Interaction[]): void {
    const suggestion = pending.kind === "click" ? this.suggestedChip(tab, pending.target) : undefined;
    if (suggestion && tab.chipField) {
      // Picking "Alice Smith <alice@example.com>" from a recipients autocomplete: a chip in that field.
      const field = this.fieldOf(tab, tab.chipField.key);
      field.addChip(suggestion);
      this.emit(tab, out, "type", pending.eventIds, pending.ts, pending.endTs, {
        target: tab.chipField.target,
        fieldKey: tab.chipField.key,
        ...this.valueOf(field),
      });
      return;
    }
    const kind: InteractionKind =
      pending.kind === "scroll" ? "scroll" : pending.clicks >= 2 ? "dblclick" : "click";
    this.emit(tab, out, kind, pending.eventIds, pending.ts, pending.endTs, { target: pending.target });
  }

  private suggestedChip(tab: TabState, target: EventTarget | undefined): string | undefined {
    if (!tab.chipField || !target || !suggestionRoles.has(target.role ?? "")) return undefined;
    return extractEmail(
      `${target.text ?? ""} ${target.ariaLabel ?? ""} ${target.attributes?.["data-hovercard-id"] ?? ""}`,
    );
  }

  private emit(
    tab: TabState,
    out: Interaction[],
    kind: InteractionKind,
    eventIds: string[],
    ts: number,
    endTs: number,
    extra: Partial<Interaction>,
  ): void {
    const interaction: Interaction = {
      id: `i${this.nextId++}`,
      kind,
      ts,
      endTs,
      tab: this.tabNameOf(tab),
      eventIds,
    };
    const url = extra.url ?? tab.url;
    if (url !== undefined) interaction.url = url;
    if (tab.title !== undefined) interaction.title = tab.title;
    for (const [name, value] of Object.entries(extra)) {
      if (value !== undefined && name !== "url") Object.assign(interaction, { [name]: value });
    }
    this.count(kind, eventIds.length, 1);
    out.push(interaction);
  }

  private count(kind: string, events: number, interactions = 0): void {
    let entry = this.counts[kind];
    if (!entry) {
      entry = { events: 0, interactions: 0 };
      this.counts[kind] = entry;
    }
    entry.events += events;
    entry.interactions += interactions;
  }

  private resetFields(tab: TabState): void {
    tab.fields.clear();
    tab.chipField = undefined;
  }

  private fieldOf(tab: TabState, key: string): FieldText {
    let field = tab.fields.get(key);
    if (!field) {
      field = new FieldText();
      tab.fields.set(key, field);
    }
    return field;
  }

  private readonly tabNames = new Map<TabState, string>();

  private tabOf(name: string): TabState {
    let tab = this.tabs.get(name);
    if (!tab) {
      tab = { fields: new Map() };
      this.tabs.set(name, tab);
      this.tabNames.set(tab, name);
    }
    return tab;
  }

  private tabNameOf(tab: TabState): string {
    return this.tabNames.get(tab) ?? "main";
  }
}
