import { isRecord } from "@/lib/pipeline/is-record";
import type { CanonicalEvent, EventType } from "@/schemas/events";
import type { ImporterContext } from "../import-issue";
import { readRecords } from "../read-records";
import { describeRecorderSelectors } from "./parse-selectors";

/** Recorder flows carry no times: steps are laid out this far apart (provenance says `timeline: synthetic`). */
export const RECORDER_STEP_MS = 500;

const stepTypes: Record<string, EventType> = {
  click: "click",
  doubleClick: "dblclick",
  change: "change",
  keyDown: "keydown",
  keyUp: "keyup",
  scroll: "scroll",
  navigate: "navigation",
  setViewport: "meta",
};

const buttons: Record<string, number> = { primary: 0, auxiliary: 1, secondary: 2, back: 3, forward: 4 };

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const str = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : undefined);

/** The navigation a step caused, from `assertedEvents: [{type: "navigation", url, title}]`. */
function assertedNavigation(step: Record<string, unknown>): { url?: string; title?: string } | undefined {
  if (!Array.isArray(step.assertedEvents)) return undefined;
  for (const event of step.assertedEvents) {
    if (isRecord(event) && event.type === "navigation") {
      return { url: str(event.url, 8192), title: str(event.title, 2048) };
    }
  }
  return undefined;
}

/** Cache key of a selector list (the separators cannot occur in selectors typed by a person). */
function selectorsKey(selectors: unknown[]): string {
  let key = "";
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i];
    if (i > 0) key += "\u0000";
    key += Array.isArray(selector) ? selector.join("\u0001") : String(selector);
  }
  return key;
}

/**
 * A step's event with the fields every event has, in the key order the bronze artifacts have always had: `id`,
 * `type`, what the caller sets next (url, title, target…), then `ts`, `tab`, `source` — which the caller appends
 * with `finish` once the middle fields are set.
 */
function startEvent(id: string, type: EventType): CanonicalEvent {
  return { id, type } as CanonicalEvent;
}

function finish(
  event: CanonicalEvent,
  ts: number,
  tab: string | undefined,
  source: CanonicalEvent["source"],
) {
  event.ts = ts;
  if (tab) event.tab = tab;
  event.source = source;
  return event;
}

/**
 * Chrome DevTools Recorder user flows (@puppeteer/replay JSON: `{title, steps: [...]}`). Steps become events on a
 * synthetic timeline; targets are described from the step's selectors. Steps that are not user input
 * (waitForElement, waitForExpression, customStep, hover, close…) are skipped.
 */
export async function* importDevtoolsRecorder(
  text: AsyncIterable<string>,
  ctx: ImporterContext,
): AsyncGenerator<CanonicalEvent[]> {
  ctx.hints.clock = "synthetic";
  let url: string | undefined;
  let title: string | undefined;
  let tick = 0;
  let seq = 0;
  let sawSteps = false;
  // Flows act on the same few elements again and again: describe each selector list once.
  const targetCache = new Map<string, ReturnType<typeof describeRecorderSelectors>>();
  const describeSelectorsCached = (selectors: unknown) => {
    if (!Array.isArray(selectors)) return describeRecorderSelectors(selectors);
    const key = selectorsKey(selectors);
    if (targetCache.has(key)) return targetCache.get(key);
    const target = describeRecorderSelectors(selectors);
    if (targetCache.size > 10_000) targetCache.clear();
    if (key.length < 4096) targetCache.set(key, target);
    return target;
  };
  for await (const batch of readRecords(text, ctx, { arrayKeys: ["steps"] })) {
    const out: CanonicalEvent[] = [];
    for (const { path, value: step } of batch) importStep(path ?? "$.steps", step, out);
    if (out.length > 0) yield out;
  }
  if (!sawSteps) ctx.log.add({ path: "$.steps", code: "no_steps", message: "the flow has no `steps` array" });

  function importStep(path: string, step: unknown, out: CanonicalEvent[]): void {
    sawSteps = true;
    const ts = tick++ * RECORDER_STEP_MS;
    if (!isRecord(step) || typeof step.type !== "string") {
      ctx.log.add({ path, code: "invalid_step", message: "a step needs a string `type`" });
      return;
    }
    const type = stepTypes[step.type];
    if (!type) return;
    const source: CanonicalEvent["source"] = {
      format: "devtools-recorder",
      file: ctx.file,
      path,
      timeline: "synthetic",
    };
    const navigation = assertedNavigation(step);
    const tab =
      typeof step.target === "string" && step.target !== "main" ? step.target.slice(0, 128) : undefined;
    // Field by field rather than spreads: this runs once per step of flows with a million steps.
    if (type === "navigation") {
      const to = str(step.url, 8192) ?? navigation?.url;
      if (!to) {
        ctx.log.add({ path, code: "invalid_step", message: "navigate step needs a `url`" });
        return;
      }
      url = to;
      title = navigation?.title;
      const event = startEvent(`d${++seq}`, type);
      event.url = url;
      if (title) event.title = title;
      out.push(finish(event, ts, tab, source));
      return;
    }
    if (type === "meta") {
      const width = num(step.width);
      const height = num(step.height);
      if (width !== undefined && height !== undefined) {
        const event = startEvent(`d${++seq}`, type);
        event.viewport = { width, height };
        out.push(finish(event, ts, tab, source));
      }
      return;
    }
    const target = describeSelectorsCached(step.selectors);
    const event = startEvent(`d${++seq}`, type);
    if (url) event.url = url;
    if (title) event.title = title;
    if (target) event.target = target;
    finish(event, ts, tab, source);
    if (type === "change") {
      const value = str(step.value, 1_000_000);
      if (value === undefined) {
        ctx.log.add({ path, code: "invalid_step", message: "change step needs a string `value`" });
        return;
      }
      event.value = value;
    }
    if (type === "keydown" || type === "keyup") {
      const key = str(step.key, 64);
      if (!key) {
        ctx.log.add({ path, code: "invalid_step", message: `${step.type} step needs a \`key\`` });
        return;
      }
      event.key = key;
    }
    if (type === "click" || type === "dblclick") {
      const x = num(step.offsetX);
      const y = num(step.offsetY);
      if (x !== undefined) event.x = x;
      if (y !== undefined) event.y = y;
      const button = typeof step.button === "string" ? buttons[step.button] : undefined;
      if (button !== undefined) event.button = button;
    }
    if (type === "scroll") {
      event.scrollX = num(step.x) ?? 0;
      event.scrollY = num(step.y) ?? 0;
    }
    out.push(event);
    if (navigation?.url) {
      // The step caused a navigation (clicking a link, submitting a form): record it right after.
      url = navigation.url;
      title = navigation.title;
      const caused = startEvent(`d${++seq}`, "navigation");
      caused.url = url;
      if (title) caused.title = title;
      out.push(finish(caused, ts + RECORDER_STEP_MS / 2, tab, source));
    }
  }
}
