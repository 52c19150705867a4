import type { CanonicalEvent } from "@/schemas/events";
import { splitTokens } from "./field-key";

const emailPattern = /[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+/;

/** The e-mail address in "Alice Smith <alice@example.com>" or a bare address; undefined when there is none. */
export function extractEmail(text: string): string | undefined {
  return emailPattern.exec(text)?.[0];
}

/**
 * The text of one field, rebuilt from events. Two reconstructions run side by side from the same start: one from
 * `input`/`change` events (authoritative: full values as rrweb/Recorder/codegen give them, or InputEvent data),
 * one from key presses and paste events (for sources that only record keys). The input one wins as soon as the
 * field has seen an input event, so keydown + input pairs never double a character.
 */
export class FieldText {
  private fromInputs: string;
  private fromKeys: string;
  private hasInputs = false;
  private allSelected = false;
  readonly chips: string[] = [];
  masked = false;

  constructor(start = "") {
    this.fromInputs = start;
    this.fromKeys = start;
  }

  get text(): string {
    return this.hasInputs ? this.fromInputs : this.fromKeys;
  }

  /** Replaces both reconstructions with a known full value. */
  setValue(value: string): void {
    this.hasInputs = true;
    this.fromInputs = value;
    this.fromKeys = value;
    this.allSelected = false;
  }

  applyInput(event: CanonicalEvent, chipField = false): void {
    if (event.masked) this.masked = true;
    if (typeof event.value === "string") {
      // A recipients field whose whole address vanishes at once (rrweb records the app clearing the input) has
      // turned it into a chip; typing and Backspace only ever change a value one step at a time.
      const current = this.text;
      const jumped =
        event.value === "" || (!event.value.startsWith(current) && !current.startsWith(event.value));
      if (chipField && jumped && emailPattern.test(current)) this.commitChips();
      this.setValue(event.value);
      return;
    }
    this.hasInputs = true;
    const inputType = event.inputType ?? "";
    if (inputType.startsWith("delete")) {
      if (this.allSelected) this.fromInputs = "";
      else if (inputType === "deleteContentBackward") this.fromInputs = this.fromInputs.slice(0, -1);
      else if (inputType === "deleteWordBackward") this.fromInputs = this.fromInputs.replace(/\S*\s*$/, "");
      this.allSelected = false;
      return;
    }
    const inserted =
      inputType === "insertLineBreak" || inputType === "insertParagraph" ? "\n" : (event.data ?? "");
    this.fromInputs = this.allSelected ? inserted : this.fromInputs + inserted;
    this.allSelected = false;
  }

  applyKeyDown(event: CanonicalEvent, multiline: boolean): void {
    const key = event.key ?? "";
    const command = event.modifiers?.some((m) => m === "Control" || m === "Meta") ?? false;
    if (command) {
      if (key.toLowerCase() === "a") this.allSelected = true;
      return;
    }
    if (key === "Backspace") {
      this.fromKeys = this.allSelected ? "" : this.fromKeys.slice(0, -1);
      if (this.allSelected && !this.hasInputs) this.allSelected = false;
      return;
    }
    const inserted = key.length === 1 ? key : key === "Enter" && multiline ? "\n" : undefined;
    if (inserted === undefined) return;
    this.fromKeys = this.allSelected ? inserted : this.fromKeys + inserted;
    // With inputs present the matching input event clears the selection flag instead.
    if (!this.hasInputs) this.allSelected = false;
  }

  applyPaste(event: CanonicalEvent): void {
    if (event.masked) this.masked = true;
    const data = event.data ?? event.value ?? "";
    this.fromKeys = this.allSelected ? data : this.fromKeys + data;
    if (!this.hasInputs) this.allSelected = false;
  }

  /** Adds a chip picked from an autocomplete list, replacing the partial text typed to find it. */
  addChip(chip: string): void {
    if (!this.chips.includes(chip)) this.chips.push(chip);
    this.fromInputs = "";
    this.fromKeys = "";
  }

  /** Turns the typed text into chips (Enter, Tab, comma, blur in a recipients field) and clears the text. */
  commitChips(): boolean {
    const tokens = splitTokens(this.text);
    if (tokens.length === 0) return false;
    for (const token of tokens) if (!this.chips.includes(token)) this.chips.push(token);
    this.fromInputs = "";
    this.fromKeys = "";
    return true;
  }

  reset(): void {
    this.fromInputs = "";
    this.fromKeys = "";
    this.hasInputs = false;
    this.allSelected = false;
    this.chips.length = 0;
    this.masked = false;
  }
}
