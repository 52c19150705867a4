import { isRecord } from "@/lib/pipeline/is-record";
import type { CanonicalEvent, EventTarget, EventType } from "@/schemas/events";
import type { ImporterContext } from "../import-issue";
import { readJsonLines } from "../read-records";
import { describePlaywrightLocator, describePlaywrightSelector } from "./parse-playwright-locator";

/** Codegen actions carry no times: they are laid out this far apart (`timeline: synthetic`). */
export const CODEGEN_STEP_MS = 500;

type Modifier = "Alt" | "Control" | "Meta" | "Shift";
// Playwright's recorder encodes modifiers as a bit mask (Alt=1, Control=2, Meta=4, Shift=8).
const modifierBits: [number, Modifier][] = [
  [1, "Alt"],
  [2, "Control"],
  [4, "Meta"],
  [8, "Shift"],
];
const buttons: Record<string, number> = { left: 0, middle: 1, right: 2 };

const str = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : undefined);

function toModifiers(mask: unknown): Modifier[] | undefined {
  if (typeof mask !== "number" || mask <= 0) return undefined;
  return modifierBits.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name);
}

/**
 * Sessions act on the same few elements again and again; parsing each selector once keeps import cheap. The
 * `locator` object is derived from the selector by Playwright, so the selector string is the key.
 */
function describeTarget(action: Record<string, unknown>, targetCache: Map<string, EventTarget | undefined>) {
  const cacheKey = typeof action.selector === "string" ? action.selector : undefined;
  if (cacheKey !== undefined && targetCache.has(cacheKey)) return targetCache.get(cacheKey);
  const target = describeTargetUncached(action);
  if (cacheKey !== undefined && cacheKey.length < 1024) {
    if (targetCache.size > 10_000) targetCache.clear();
    targetCache.set(cacheKey, target);
  }
  return target;
}

function describeTargetUncached(action: Record<string, unknown>): EventTarget | undefined {
  const fromLocator = describePlaywrightLocator(action.locator);
  const selector = str(action.selector, 4096);
  const fromSelector = selector ? describePlaywrightSelector(selector) : undefined;
  if (!fromLocator) return fromSelector;
  return { ...fromSelector, ...fromLocator, ...(selector ? { selector } : {}) };
}

function newEvent(
  id: string,
  ts: number,
  type: EventType,
  source: CanonicalEvent["source"],
  tab: string | undefined,
  url: string | undefined,
): CanonicalEvent {
  const event: CanonicalEvent = { id, ts, type, source };
  if (tab) event.tab = tab;
  if (url) event.url = url;
  return event;
}

function withValue(event: CanonicalEvent, target: EventTarget | undefined, value: string): CanonicalEvent {
  if (target) event.target = target;
  event.value = value;
  return event;
}

function withKey(
  event: CanonicalEvent,
  target: EventTarget | undefined,
  key: string,
  modifiers: Modifier[] | undefined,
): CanonicalEvent {
  if (target) event.target = target;
  event.key = key;
  if (modifiers) event.modifiers = modifiers;
  return event;
}

/**
 * Playwright codegen JSONL (`npx playwright codegen --target=jsonl`): a first line of launch/context options,
 * then one recorded action per line (`{name, selector, locator, url, text, key, modifiers, signals, pageGuid…}`).
 * Actions become events on a synthetic timeline; `fill` carries the full field value; navigation signals become
 * navigation events.
 */
export async function* importPlaywrightCodegen(
  text: AsyncIterable<string>,
  ctx: ImporterContext,
): AsyncGenerator<CanonicalEvent[]> {
  ctx.hints.clock = "synthetic";
  const urlByTab = new Map<string, string>();
  const targetCache = new Map<string, EventTarget | undefined>();
  let tick = 0;
  let seq = 0;
  for await (const batch of readJsonLines(text, ctx)) {
    const out: CanonicalEvent[] = [];
    for (const { line, value } of batch) importAction(line ?? 0, value, out);
    if (out.length > 0) yield out;
  }

  function importAction(line: number, action: unknown, out: CanonicalEvent[]): void {
    if (!isRecord(action)) {
      ctx.log.add({ line, code: "invalid_action", message: "each line must be a JSON object" });
      return;
    }
    if (typeof action.name !== "string") {
      // The header line: {browserName, launchOptions, contextOptions, deviceName?}.
      if ("browserName" in action || "launchOptions" in action || "contextOptions" in action) {
        const viewport = isRecord(action.contextOptions) ? action.contextOptions.viewport : undefined;
        if (isRecord(viewport) && typeof viewport.width === "number" && typeof viewport.height === "number") {
          out.push({
            id: `p${++seq}`,
            ts: tick++ * CODEGEN_STEP_MS,
            type: "meta",
            viewport: { width: viewport.width, height: viewport.height },
            source: { format: "playwright-codegen", file: ctx.file, line, timeline: "synthetic" },
          });
        }
        return;
      }
      ctx.log.add({ line, path: "$.name", code: "invalid_action", message: "action needs a string `name`" });
      return;
    }
    const ts = tick++ * CODEGEN_STEP_MS;
    const tab = str(action.pageAlias, 128) ?? str(action.pageGuid, 128);
    const source: CanonicalEvent["source"] = {
      format: "playwright-codegen",
      file: ctx.file,
      line,
      timeline: "synthetic",
    };
    const url = tab ? urlByTab.get(tab) : undefined;
    // Described for every action, as always: the cache is keyed by selector alone, so which action fills it first
    // decides what later actions with the same selector (and another `locator`) get.
    const target = describeTarget(action, targetCache);
    // Events are built field by field, in the key order the bronze artifacts have always had (base fields, then
    // target, value/key, modifiers, button): no per-action closures or spreads, this runs for every action.
    switch (action.name) {
      case "openPage":
      case "navigate": {
        const to = str(action.url, 8192);
        if (!to || to === "about:blank" || to === "chrome://newtab/") break;
        if (tab) urlByTab.set(tab, to);
        out.push(newEvent(`p${++seq}`, ts, "navigation", source, tab, to));
        break;
      }
      case "click": {
        const isDouble = action.clickCount === 2;
        const button = typeof action.button === "string" ? buttons[action.button] : undefined;
        const event = newEvent(`p${++seq}`, ts, isDouble ? "dblclick" : "click", source, tab, url);
        if (target) event.target = target;
        const modifiers = toModifiers(action.modifiers);
        if (modifiers) event.modifiers = modifiers;
        if (button !== undefined) event.button = button;
        out.push(event);
        break;
      }
      case "fill": {
        const value = str(action.text, 1_000_000);
        if (value === undefined) {
          ctx.log.add({
            line,
            path: "$.text",
            code: "invalid_action",
            message: "fill needs a string `text`",
          });
          break;
        }
        out.push(withValue(newEvent(`p${++seq}`, ts, "input", source, tab, url), target, value));
        break;
      }
      case "press": {
        const key = str(action.key, 64);
        if (!key) {
          ctx.log.add({ line, path: "$.key", code: "invalid_action", message: "press needs a `key`" });
          break;
        }
        const modifiers = toModifiers(action.modifiers);
        out.push(withKey(newEvent(`p${++seq}`, ts, "keydown", source, tab, url), target, key, modifiers));
        out.push(
          withKey(
            newEvent(`p${++seq}`, ts + CODEGEN_STEP_MS / 5, "keyup", source, tab, url),
            target,
            key,
            modifiers,
          ),
        );
        break;
      }
      case "check":
      case "uncheck": {
        const event = newEvent(`p${++seq}`, ts, "change", source, tab, url);
        event.target = { ...target, checked: action.name === "check" };
        out.push(event);
        break;
      }
      case "select": {
        const options = Array.isArray(action.options)
          ? action.options.filter((o) => typeof o === "string")
          : [];
        const value = options.join(",").slice(0, 1_000_000);
        out.push(withValue(newEvent(`p${++seq}`, ts, "change", source, tab, url), target, value));
        break;
      }
      case "setInputFiles": {
        const files = Array.isArray(action.files) ? action.files.filter((f) => typeof f === "string") : [];
        const value = files.join(",").slice(0, 1_000_000);
        out.push(withValue(newEvent(`p${++seq}`, ts, "change", source, tab, url), target, value));
        break;
      }
      default:
        // closePage and assertions (assertText, assertVisible…) are not user input.
        break;
    }
    if (!Array.isArray(action.signals)) return;
    for (const signal of action.signals) {
      if (!isRecord(signal)) continue;
      const to = signal.name === "navigation" ? str(signal.url, 8192) : undefined;
      if (!to) return;
      if (tab) urlByTab.set(tab, to);
      out.push(newEvent(`p${++seq}`, ts + CODEGEN_STEP_MS / 2, "navigation", source, tab, to));
    }
  }
}
