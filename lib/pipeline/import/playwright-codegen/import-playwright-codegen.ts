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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const str = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : undefined);

function toModifiers(mask: unknown): Modifier[] | undefined {
  if (typeof mask !== "number" || mask <= 0) return undefined;
  return modifierBits.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name);
}

function describeTarget(action: Record<string, unknown>): EventTarget | undefined {
  const fromLocator = describePlaywrightLocator(action.locator);
  const selector = str(action.selector, 4096);
  const fromSelector = selector ? describePlaywrightSelector(selector) : undefined;
  if (!fromLocator) return fromSelector;
  return { ...fromSelector, ...fromLocator, ...(selector ? { selector } : {}) };
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
): AsyncGenerator<CanonicalEvent> {
  ctx.hints.clock = "synthetic";
  const urlByTab = new Map<string, string>();
  let tick = 0;
  let seq = 0;
  for await (const { line, value: action } of readJsonLines(text, ctx)) {
    if (!isRecord(action)) {
      ctx.log.add({ line, code: "invalid_action", message: "each line must be a JSON object" });
      continue;
    }
    if (typeof action.name !== "string") {
      // The header line: {browserName, launchOptions, contextOptions, deviceName?}.
      if ("browserName" in action || "launchOptions" in action || "contextOptions" in action) {
        const viewport = isRecord(action.contextOptions) ? action.contextOptions.viewport : undefined;
        if (isRecord(viewport) && typeof viewport.width === "number" && typeof viewport.height === "number") {
          yield {
            id: `p${++seq}`,
            ts: tick++ * CODEGEN_STEP_MS,
            type: "meta",
            viewport: { width: viewport.width, height: viewport.height },
            source: { format: "playwright-codegen", file: ctx.file, line, timeline: "synthetic" },
          };
        }
        continue;
      }
      ctx.log.add({ line, path: "$.name", code: "invalid_action", message: "action needs a string `name`" });
      continue;
    }
    const ts = tick++ * CODEGEN_STEP_MS;
    const tab = str(action.pageAlias, 128) ?? str(action.pageGuid, 128);
    const source = {
      format: "playwright-codegen" as const,
      file: ctx.file,
      line,
      timeline: "synthetic" as const,
    };
    const url = tab ? urlByTab.get(tab) : undefined;
    const make = (type: EventType, fields: Partial<CanonicalEvent> = {}, offset = 0): CanonicalEvent => ({
      id: `p${++seq}`,
      ts: ts + offset,
      type,
      ...(tab ? { tab } : {}),
      ...(url ? { url } : {}),
      ...fields,
      source,
    });
    const target = describeTarget(action);
    const withTarget = target ? { target } : {};
    const modifiers = toModifiers(action.modifiers);
    switch (action.name) {
      case "openPage":
      case "navigate": {
        const to = str(action.url, 8192);
        if (!to || to === "about:blank" || to === "chrome://newtab/") break;
        if (tab) urlByTab.set(tab, to);
        yield make("navigation", { url: to });
        break;
      }
      case "click": {
        const isDouble = action.clickCount === 2;
        const button = typeof action.button === "string" ? buttons[action.button] : undefined;
        yield make(isDouble ? "dblclick" : "click", {
          ...withTarget,
          ...(modifiers ? { modifiers } : {}),
          ...(button === undefined ? {} : { button }),
        });
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
        yield make("input", { ...withTarget, value });
        break;
      }
      case "press": {
        const key = str(action.key, 64);
        if (!key) {
          ctx.log.add({ line, path: "$.key", code: "invalid_action", message: "press needs a `key`" });
          break;
        }
        yield make("keydown", { ...withTarget, key, ...(modifiers ? { modifiers } : {}) });
        yield make("keyup", { ...withTarget, key, ...(modifiers ? { modifiers } : {}) }, CODEGEN_STEP_MS / 5);
        break;
      }
      case "check":
      case "uncheck":
        yield make("change", { target: { ...target, checked: action.name === "check" } });
        break;
      case "select": {
        const options = Array.isArray(action.options)
          ? action.options.filter((o) => typeof o === "string")
          : [];
        yield make("change", { ...withTarget, value: options.join(",").slice(0, 1_000_000) });
        break;
      }
      case "setInputFiles": {
        const files = Array.isArray(action.files) ? action.files.filter((f) => typeof f === "string") : [];
        yield make("change", { ...withTarget, value: files.join(",").slice(0, 1_000_000) });
        break;
      }
      default:
        // closePage and assertions (assertText, assertVisible…) are not user input.
        break;
    }
    const signals = Array.isArray(action.signals) ? action.signals.filter(isRecord) : [];
    for (const signal of signals) {
      const to = signal.name === "navigation" ? str(signal.url, 8192) : undefined;
      if (!to) continue;
      if (tab) urlByTab.set(tab, to);
      yield { ...make("navigation", { url: to }, CODEGEN_STEP_MS / 2) };
    }
  }
}
