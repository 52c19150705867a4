import type { CanonicalEvent, EventType } from "@/schemas/events";
import type { ImporterContext } from "../import-issue";
import { readJsonDocument } from "../read-json-document";
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const str = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : undefined);

/** The navigation a step caused, from `assertedEvents: [{type: "navigation", url, title}]`. */
function assertedNavigation(step: Record<string, unknown>): { url?: string; title?: string } | undefined {
  if (!Array.isArray(step.assertedEvents)) return undefined;
  const navigation = step.assertedEvents.find((event) => isRecord(event) && event.type === "navigation");
  if (!isRecord(navigation)) return undefined;
  return { url: str(navigation.url, 8192), title: str(navigation.title, 2048) };
}

/**
 * Chrome DevTools Recorder user flows (@puppeteer/replay JSON: `{title, steps: [...]}`). Steps become events on a
 * synthetic timeline; targets are described from the step's selectors. Steps that are not user input
 * (waitForElement, waitForExpression, customStep, hover, close…) are skipped.
 */
export async function* importDevtoolsRecorder(
  text: AsyncIterable<string>,
  ctx: ImporterContext,
): AsyncGenerator<CanonicalEvent> {
  ctx.hints.clock = "synthetic";
  let url: string | undefined;
  let title: string | undefined;
  let tick = 0;
  let seq = 0;
  let sawSteps = false;
  for await (const { path, value: step } of readJsonDocument(text, ["$.steps.*"], ctx)) {
    sawSteps = true;
    const ts = tick++ * RECORDER_STEP_MS;
    if (!isRecord(step) || typeof step.type !== "string") {
      ctx.log.add({ path, code: "invalid_step", message: "a step needs a string `type`" });
      continue;
    }
    const type = stepTypes[step.type];
    if (!type) continue;
    const source = {
      format: "devtools-recorder" as const,
      file: ctx.file,
      path,
      timeline: "synthetic" as const,
    };
    const navigation = assertedNavigation(step);
    const tab =
      typeof step.target === "string" && step.target !== "main" ? step.target.slice(0, 128) : undefined;
    const base = { ts, ...(tab ? { tab } : {}), source };
    if (type === "navigation") {
      const to = str(step.url, 8192) ?? navigation?.url;
      if (!to) {
        ctx.log.add({ path, code: "invalid_step", message: "navigate step needs a `url`" });
        continue;
      }
      url = to;
      title = navigation?.title;
      yield { id: `d${++seq}`, type, url, ...(title ? { title } : {}), ...base };
      continue;
    }
    if (type === "meta") {
      const width = num(step.width);
      const height = num(step.height);
      if (width !== undefined && height !== undefined)
        yield { id: `d${++seq}`, type, viewport: { width, height }, ...base };
      continue;
    }
    const target = describeRecorderSelectors(step.selectors);
    const event: CanonicalEvent = {
      id: `d${++seq}`,
      type,
      ...(url ? { url } : {}),
      ...(title ? { title } : {}),
      ...(target ? { target } : {}),
      ...base,
    };
    if (type === "change") {
      const value = str(step.value, 1_000_000);
      if (value === undefined) {
        ctx.log.add({ path, code: "invalid_step", message: "change step needs a string `value`" });
        continue;
      }
      event.value = value;
    }
    if (type === "keydown" || type === "keyup") {
      const key = str(step.key, 64);
      if (!key) {
        ctx.log.add({ path, code: "invalid_step", message: `${step.type} step needs a \`key\`` });
        continue;
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
    yield event;
    if (navigation?.url) {
      // The step caused a navigation (clicking a link, submitting a form): record it right after.
      url = navigation.url;
      title = navigation.title;
      yield {
        id: `d${++seq}`,
        type: "navigation",
        url,
        ...(title ? { title } : {}),
        ...base,
        ts: ts + RECORDER_STEP_MS / 2,
      };
    }
  }
  if (!sawSteps) ctx.log.add({ path: "$.steps", code: "no_steps", message: "the flow has no `steps` array" });
}
