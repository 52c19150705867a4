import type { ElementInfo } from "./describe-element";

/**
 * Writers for the two step-based formats, fed with what the corpus recorder did and the element it did it to:
 * a Chrome DevTools Recorder user flow (@puppeteer/replay schema, as "Export as JSON" writes it) and Playwright
 * codegen JSONL (`npx playwright codegen --target=jsonl`: a header line with the launch options, then one action per
 * line with `selector`, `locator`, `signals`).
 */

type RecorderStep = Record<string, unknown>;

export class RecorderFlow {
  readonly steps: RecorderStep[] = [];

  constructor(
    private readonly title: string,
    viewport: { width: number; height: number },
  ) {
    this.steps.push({
      type: "setViewport",
      width: viewport.width,
      height: viewport.height,
      deviceScaleFactor: 1,
      isMobile: false,
      hasTouch: false,
      isLandscape: false,
    });
  }

  static selectors(info: ElementInfo): string[][] {
    const out: string[][] = [];
    if (info.name) out.push([`aria/${info.name}`]);
    out.push([info.css]);
    out.push([`xpath/${info.xpath}`]);
    out.push([`pierce/${info.css}`]);
    if (info.text && !info.isEditable && info.text.length <= 40) out.push([`text/${info.text}`]);
    return out;
  }

  navigate(url: string, title: string): void {
    this.steps.push({ type: "navigate", url, assertedEvents: [{ type: "navigation", url, title }] });
  }

  click(
    info: ElementInfo,
    offset: { x: number; y: number },
    navigation?: { url: string; title: string },
  ): void {
    const step: RecorderStep = {
      type: "click",
      target: "main",
      selectors: RecorderFlow.selectors(info),
      offsetY: offset.y,
      offsetX: offset.x,
    };
    if (navigation)
      step.assertedEvents = [{ type: "navigation", url: navigation.url, title: navigation.title }];
    this.steps.push(step);
  }

  change(info: ElementInfo, value: string): void {
    this.steps.push({ type: "change", value, selectors: RecorderFlow.selectors(info), target: "main" });
  }

  key(key: string, navigation?: { url: string; title: string }): void {
    const parts = key.split("+");
    for (const k of parts) this.steps.push({ type: "keyDown", target: "main", key: k });
    for (const k of [...parts].reverse()) {
      const step: RecorderStep = { type: "keyUp", target: "main", key: k };
      if (navigation && k === parts[parts.length - 1])
        step.assertedEvents = [{ type: "navigation", url: navigation.url, title: navigation.title }];
      this.steps.push(step);
    }
  }

  scroll(x: number, y: number): void {
    this.steps.push({ type: "scroll", target: "main", x, y });
  }

  toJSON(): { title: string; steps: RecorderStep[] } {
    return { title: this.title, steps: this.steps };
  }
}

const quote = (s: string) => JSON.stringify(s);

/** The internal selector and the `locator` object codegen writes for an element (role+name preferred, as codegen does). */
function playwrightSelector(info: ElementInfo): { selector: string; locator: Record<string, unknown> } {
  if (info.role && info.name && info.role !== "gridcell" && info.role !== "presentation") {
    return {
      selector: `internal:role=${info.role}[name=${quote(info.name)}i]`,
      locator: { kind: "role", body: info.role, options: { attrs: [], exact: false, name: info.name } },
    };
  }
  if (info.placeholder) {
    return {
      selector: `internal:attr=[placeholder=${quote(info.placeholder)}i]`,
      locator: { kind: "placeholder", body: info.placeholder, options: { exact: false } },
    };
  }
  return { selector: info.css, locator: { kind: "default", body: info.css, options: {} } };
}

export class CodegenJsonl {
  readonly lines: Record<string, unknown>[] = [];
  private readonly pageGuid = `page@${Math.random().toString(16).slice(2, 34).padEnd(32, "0")}`;

  constructor(viewport: { width: number; height: number }) {
    this.lines.push({
      browserName: "chromium",
      launchOptions: { headless: false },
      contextOptions: { viewport },
    });
    this.push({ name: "openPage", url: "about:blank" });
  }

  private push(action: Record<string, unknown>, signals: Record<string, unknown>[] = []): void {
    this.lines.push({ ...action, signals, pageGuid: this.pageGuid, pageAlias: "page", framePath: [] });
  }

  navigate(url: string): void {
    this.push({ name: "navigate", url });
  }

  click(info: ElementInfo, position: { x: number; y: number }, navigationUrl?: string): void {
    const { selector, locator } = playwrightSelector(info);
    const signals = navigationUrl ? [{ name: "navigation", url: navigationUrl }] : [];
    // Codegen records the click position only when it matters (canvas, grid cells); keep it for cells.
    const extra = info.role === "gridcell" ? { position } : {};
    this.push(
      { name: "click", selector, button: "left", modifiers: 0, clickCount: 1, ...extra, locator },
      signals,
    );
  }

  /** Codegen records a click on a checkbox or radio (or on its label) as `check` on the control. */
  check(control: ElementInfo): void {
    const { selector, locator } = playwrightSelector(control);
    this.push({ name: "check", selector, locator });
  }

  fill(info: ElementInfo, text: string): void {
    const { selector, locator } = playwrightSelector(info);
    this.push({ name: "fill", selector, text, locator });
  }

  press(info: ElementInfo | null, key: string, navigationUrl?: string): void {
    const target = info
      ? playwrightSelector(info)
      : { selector: "body", locator: { kind: "default", body: "body", options: {} } };
    const mods = key.split("+");
    const k = mods.pop() ?? key;
    const bits = { Alt: 1, Control: 2, Meta: 4, Shift: 8 } as Record<string, number>;
    const modifiers = mods.reduce((acc, m) => acc | (bits[m] ?? 0), 0);
    const signals = navigationUrl ? [{ name: "navigation", url: navigationUrl }] : [];
    this.push(
      { name: "press", selector: target.selector, key: k, modifiers, locator: target.locator },
      signals,
    );
  }

  toJsonl(): string {
    return `${this.lines.map((l) => JSON.stringify(l)).join("\n")}\n`;
  }
}
