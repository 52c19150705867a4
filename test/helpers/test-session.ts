import type { CanonicalEvent, EventTarget } from "@/schemas/events";

/**
 * Builds canonical event sequences the way browsers emit them (focus, keydown/input/keyup per character,
 * mousedown/mouseup/click), for tests and the benchmark. `mode` picks how text arrives: `values` like rrweb
 * (full value per input), `data` like InputEvent (`data`/`inputType` only), `keys` key events alone.
 */
export type TypingMode = "values" | "data" | "keys";

export class TestSession {
  readonly events: CanonicalEvent[] = [];
  private ts: number;
  private nextId = 1;
  private values = new Map<EventTarget, string>();

  constructor(
    private url: string,
    private readonly options: {
      title?: string;
      tab?: string;
      start?: number;
      step?: number;
      timezone?: string;
    } = {},
  ) {
    this.ts = options.start ?? Date.UTC(2025, 10, 20, 15, 0, 0);
    if (options.timezone) this.push({ type: "meta", timezone: options.timezone });
    this.navigate(url, options.title);
  }

  push(partial: Omit<CanonicalEvent, "id" | "ts" | "source"> & { ts?: number }): CanonicalEvent {
    this.ts = partial.ts ?? this.ts + (this.options.step ?? 40);
    const event: CanonicalEvent = {
      url: this.url,
      tab: this.options.tab ?? "t1",
      ...(this.options.title ? { title: this.options.title } : {}),
      ...partial,
      id: `e${this.nextId++}`,
      ts: this.ts,
      source: { format: "native" },
    };
    this.events.push(event);
    return event;
  }

  wait(ms: number): this {
    this.ts += ms;
    return this;
  }

  navigate(url: string, title?: string): this {
    this.url = url;
    this.push({ type: "navigation", url, ...(title ? { title } : {}) });
    return this;
  }

  click(target: EventTarget): this {
    this.push({ type: "mousedown", target, x: 10, y: 10, button: 0 });
    this.push({ type: "mouseup", target, x: 10, y: 10, button: 0 });
    this.push({ type: "click", target, x: 10, y: 10, button: 0 });
    return this;
  }

  focus(target: EventTarget): this {
    this.push({ type: "focus", target });
    return this;
  }

  blur(target: EventTarget): this {
    this.push({ type: "blur", target });
    return this;
  }

  /** Types text character by character; "\b" is Backspace. */
  type(target: EventTarget, text: string, mode: TypingMode = "values"): this {
    let value = this.values.get(target) ?? "";
    for (const char of text) {
      const key = char === "\b" ? "Backspace" : char === "\n" ? "Enter" : char;
      this.push({ type: "keydown", target, key });
      value = char === "\b" ? value.slice(0, -1) : value + char;
      if (mode === "values") this.push({ type: "input", target, value });
      if (mode === "data") {
        this.push(
          char === "\b"
            ? { type: "input", target, inputType: "deleteContentBackward" }
            : {
                type: "input",
                target,
                inputType: char === "\n" ? "insertParagraph" : "insertText",
                ...(char === "\n" ? {} : { data: char }),
              },
        );
      }
      this.push({ type: "keyup", target, key });
    }
    this.values.set(target, value);
    return this;
  }

  /** Sets a whole value at once (autofill, Recorder `change`, codegen `fill`). */
  fill(target: EventTarget, value: string): this {
    this.values.set(target, value);
    this.push({ type: "input", target, value });
    this.push({ type: "change", target, value });
    return this;
  }

  /** A chip field turning its text into a chip: the key, then the field cleared. */
  commitChip(target: EventTarget, key = "Enter"): this {
    this.push({ type: "keydown", target, key });
    this.values.set(target, "");
    this.push({ type: "input", target, value: "" });
    this.push({ type: "keyup", target, key });
    return this;
  }

  press(
    target: EventTarget | undefined,
    key: string,
    modifiers?: ("Control" | "Meta" | "Shift" | "Alt")[],
  ): this {
    this.push({ type: "keydown", ...(target ? { target } : {}), key, ...(modifiers ? { modifiers } : {}) });
    this.push({ type: "keyup", ...(target ? { target } : {}), key, ...(modifiers ? { modifiers } : {}) });
    return this;
  }

  choose(target: EventTarget, value: string, checked?: boolean): this {
    this.click(target);
    this.push({ type: "change", target: checked === undefined ? target : { ...target, checked }, value });
    return this;
  }

  submit(target: EventTarget = { tag: "form" }): this {
    this.push({ type: "submit", target });
    return this;
  }

  scroll(times = 5): this {
    for (let i = 0; i < times; i++) this.push({ type: "scroll", scrollY: i * 100 });
    return this;
  }
}
