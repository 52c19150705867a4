import type { RedactionKind } from "@/schemas/data-policy";
import type { CanonicalEvent, EventTarget } from "@/schemas/events";
import type { Interaction, InteractionKind } from "@/schemas/pipeline";
import {
  fieldKeyOf,
  isChipField,
  isFormClosingClick,
  isMultiline,
  isSensitiveField,
  isTextField,
  isToggle,
} from "./field-key";
import { FieldText } from "./field-text";
import { Gestures } from "./gestures";
import {
  clickKeyOf,
  modifierKeys,
  newTabState,
  type Pending,
  pathOf,
  pendingKindOf,
  suggestedChip,
  type TabState,
  withHeldModifiers,
} from "./tab-state";

export type SilverCounts = Record<string, { events: number; interactions: number }>;

/**
 * Turns time-ordered canonical events into interactions, one event at a time, holding only per-tab state (the
 * open typing run, a pending click or scroll burst, the text of each field). `push` returns the interactions that
 * became final; `flush` returns the rest at the end of the stream.
 */
export class SilverBuilder {
  private readonly tabs = new Map<string, TabState>();
  private readonly gestures = new Gestures(
    (tab, pending, out) => this.emitPending(tab, pending, out),
    (tab, eventIds, ts, endTs, target, out) =>
      this.emit(tab, out, "dblclick", eventIds, ts, endTs, { target }),
  );
  private nextId = 1;
  /** Redaction kinds of events not yet part of an emitted interaction (only redacted events are held). */
  private readonly redactedByEvent = new Map<string, RedactionKind[]>();
  readonly counts: SilverCounts = {};
  eventCount = 0;
  /** keydown events seen: recordings without any (rrweb) never show Enter presses. */
  keyEventCount = 0;
  timezone: string | undefined;

  push(event: CanonicalEvent): Interaction[] {
    this.eventCount++;
    if (event.type === "keydown") this.keyEventCount++;
    if (event.redacted) this.redactedByEvent.set(event.id, event.redacted);
    if (event.type === "meta") {
      if (event.timezone) this.timezone ??= event.timezone;
      return [];
    }
    const out: Interaction[] = [];
    const tab = this.tabOf(event.tab ?? "main");
    if (event.type === "dblclick" && this.gestures.mergeDoubleClick(tab, event, out)) return out;
    // Browsers fire focus between mousedown and mouseup: it must not split the click.
    const continuesPending =
      event.type === "focus" ||
      event.type === "blur" ||
      (event.type === "scroll" && tab.pending?.kind === "scroll");
    if (!continuesPending) this.gestures.flush(tab, event, out);
    if (event.title) tab.title = event.title;
    if (event.url && event.type !== "navigation") tab.url = event.url;
    this.handle(tab, event, out);
    return out;
  }

  flush(): Interaction[] {
    const out: Interaction[] = [];
    for (const tab of this.tabs.values()) {
      this.endRun(tab, out);
      this.gestures.flush(tab, undefined, out);
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
        this.gestures.add(tab, "scroll", "scroll", undefined, event, out);
        return;
      case "mousedown":
      case "mouseup":
      case "click":
        if (key !== tab.run?.fieldKey) this.endRun(tab, out);
        if (event.type === "click" && isFormClosingClick(target)) this.resetFields(tab);
        this.gestures.add(tab, "click", clickKeyOf(event), target, event, out);
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
      case "appear":
      case "disappear":
        // What the page showed: never part of a typing run or a click, and never masked away silently.
        this.emitShown(tab, event, out);
        return;
      default:
        break;
    }
    this.handleText(tab, event, key, out);
  }

  /** keydown / input / keyup / paste / change of a text field. */
  private handleText(
    tab: TabState,
    original: CanonicalEvent,
    key: string | undefined,
    out: Interaction[],
  ): void {
    const event = withHeldModifiers(tab, original);
    if (event.type === "keydown" && modifierKeys.has(event.key ?? "")) {
      this.count("keydown", 1);
      return;
    }
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
    if (isSensitiveField(target)) field.masked = true;
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
    const click = this.gestures.takeClickFor(tab, event, out);
    const eventIds = click ? [...click.eventIds, event.id] : [event.id];
    const ts = click?.ts ?? event.ts;
    const toggle = isToggle(target);
    const checked = target?.checked ?? ((target?.type ?? "").toLowerCase() === "radio" ? true : undefined);
    const masked = event.masked === true || isSensitiveField(target);
    const value = masked ? undefined : (event.value ?? undefined);
    this.emit(tab, out, toggle ? "check" : "select", eventIds, ts, event.ts, {
      target,
      fieldKey: fieldKeyOf(target),
      ...(value !== undefined && value !== null ? { value } : {}),
      ...(checked !== undefined ? { checked } : {}),
      ...(masked ? { masked: true } : {}),
    });
  }

  private emitShown(tab: TabState, event: CanonicalEvent, out: Interaction[]): void {
    const target = event.target;
    const masked = event.masked === true || isSensitiveField(target);
    const value = event.type === "appear" && !masked ? (event.value ?? undefined) : undefined;
    this.emit(tab, out, event.type === "appear" ? "appear" : "disappear", [event.id], event.ts, event.ts, {
      target,
      ...(value !== undefined && value !== null ? { value, fieldKey: fieldKeyOf(target) } : {}),
      ...(masked ? { masked: true } : {}),
    });
  }

  private emitPending(tab: TabState, pending: Pending, out: Interaction[]): void {
    const suggestion = pending.kind === "click" ? suggestedChip(tab, pending.target) : undefined;
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
    this.emit(tab, out, pendingKindOf(pending), pending.eventIds, pending.ts, pending.endTs, {
      target: pending.target,
    });
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
      tab: tab.name,
      eventIds,
    };
    const url = extra.url ?? tab.url;
    if (url !== undefined) interaction.url = url;
    if (tab.title !== undefined) interaction.title = tab.title;
    for (const [name, value] of Object.entries(extra)) {
      if (value !== undefined && name !== "url") Object.assign(interaction, { [name]: value });
    }
    if (this.redactedByEvent.size > 0) {
      const kinds = new Set<RedactionKind>();
      for (const id of eventIds) {
        for (const kind of this.redactedByEvent.get(id) ?? []) kinds.add(kind);
        this.redactedByEvent.delete(id);
      }
      if (kinds.size > 0) interaction.redacted = [...kinds].sort();
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

  private tabOf(name: string): TabState {
    let tab = this.tabs.get(name);
    if (!tab) {
      tab = newTabState(name);
      this.tabs.set(name, tab);
    }
    return tab;
  }
}
