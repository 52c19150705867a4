import type { CanonicalEvent, EventType } from "@/schemas/events";
import type { ImporterContext } from "../import-issue";
import { readRecords } from "../read-records";

const dispatchTypes: Record<string, EventType> = {
  click: "click",
  dblclick: "dblclick",
  auxclick: "click",
  mousedown: "mousedown",
  mouseup: "mouseup",
  contextmenu: "contextmenu",
  keydown: "keydown",
  keyup: "keyup",
  input: "input",
  change: "change",
  paste: "paste",
  submit: "submit",
  scroll: "scroll",
  focus: "focus",
  blur: "blur",
};

/** Trace event names this importer uses; everything else is skipped before parsing. */
const RELEVANT =
  /"(?:EventDispatch|Screenshot|navigationStart|CommitLoad|FrameCommittedInBrowser|TracingStartedIn(?:Browser|Page))"/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const str = (value: unknown, max: number) =>
  typeof value === "string" && value.length > 0 ? value.slice(0, max) : undefined;

/** Decoded size of a base64 string without decoding it. */
function base64Bytes(data: string): number {
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

/**
 * Chrome trace files (`{traceEvents: [...]}` or a bare array; chrome://tracing, DevTools Performance, CDP
 * Tracing). Gives a timeline: `EventDispatch` input events, main-frame navigations and screenshot frames. Traces
 * carry no typed text and no target element, so events have neither — nothing is invented. `ts` is the trace's
 * monotonic clock in ms (`timeline: "monotonic"`), not wall time.
 */
export async function* importChromeTrace(
  text: AsyncIterable<string>,
  ctx: ImporterContext,
): AsyncGenerator<CanonicalEvent> {
  ctx.hints.clock = "monotonic";
  const mainFrameByPid = new Map<number, string>();
  const urlByFrame = new Map<string, string>();
  const lastNavigation = new Map<string, { url: string; ts: number }>();
  let seq = 0;
  const records = readRecords(text, ctx, { arrayKeys: ["traceEvents"], filter: (raw) => RELEVANT.test(raw) });

  for await (const record of records) {
    const where = record.line !== undefined ? { line: record.line } : { path: record.path };
    const event = record.value;
    if (!isRecord(event) || typeof event.name !== "string") {
      ctx.log.add({ ...where, code: "invalid_event", message: "trace event needs a string `name`" });
      continue;
    }
    if (typeof event.ts !== "number" || !Number.isFinite(event.ts)) {
      ctx.log.add({ ...where, code: "invalid_event", message: `${event.name} needs a numeric \`ts\`` });
      continue;
    }
    const ts = event.ts / 1000;
    const pid = typeof event.pid === "number" ? event.pid : undefined;
    const args = isRecord(event.args) ? event.args : {};
    const data = isRecord(args.data) ? args.data : {};
    const source = {
      format: "chrome-trace" as const,
      file: ctx.file,
      ...where,
      timeline: "monotonic" as const,
    };

    const navigate = function* (
      frame: string | undefined,
      url: string | undefined,
    ): Generator<CanonicalEvent> {
      if (!frame || !url || url === "about:blank") return;
      urlByFrame.set(frame, url);
      const last = lastNavigation.get(frame);
      // One navigation shows up as several events (navigationStart, FrameCommittedInBrowser, CommitLoad).
      if (last && last.url === url && Math.abs(ts - last.ts) < 5000) return;
      lastNavigation.set(frame, { url, ts });
      yield {
        id: `t${++seq}`,
        ts,
        type: "navigation",
        url: url.slice(0, 8192),
        tab: frame.slice(0, 128),
        source,
      };
    };

    switch (event.name) {
      case "TracingStartedInBrowser":
      case "TracingStartedInPage": {
        const frames = Array.isArray(data.frames) ? data.frames.filter(isRecord) : [];
        for (const frame of frames) {
          const id = str(frame.frame, 128);
          if (!id || frame.parent !== undefined) continue;
          if (typeof frame.processId === "number") mainFrameByPid.set(frame.processId, id);
          yield* navigate(id, str(frame.url, 8192));
        }
        const page = str(data.page, 128);
        if (page && pid !== undefined) mainFrameByPid.set(pid, page);
        break;
      }
      case "FrameCommittedInBrowser": {
        const frame = str(data.frame, 128);
        if (data.parent !== undefined || !frame) break;
        if (typeof data.processId === "number") mainFrameByPid.set(data.processId, frame);
        yield* navigate(frame, str(data.url, 8192));
        break;
      }
      case "CommitLoad": {
        const frame = str(data.frame, 128);
        if (data.isMainFrame !== true || !frame) break;
        if (pid !== undefined) mainFrameByPid.set(pid, frame);
        yield* navigate(frame, str(data.url, 8192));
        break;
      }
      case "navigationStart": {
        if (data.isLoadingMainFrame !== true) break;
        yield* navigate(str(args.frame, 128), str(data.documentLoaderURL, 8192));
        break;
      }
      case "EventDispatch": {
        const type = typeof data.type === "string" ? dispatchTypes[data.type] : undefined;
        if (!type) break;
        const tab = pid === undefined ? undefined : mainFrameByPid.get(pid);
        const url = tab ? urlByFrame.get(tab) : undefined;
        yield {
          id: `t${++seq}`,
          ts,
          type,
          ...(tab ? { tab } : pid !== undefined ? { tab: `pid:${pid}` } : {}),
          ...(url ? { url } : {}),
          source,
        };
        break;
      }
      case "Screenshot": {
        const snapshot = typeof args.snapshot === "string" ? args.snapshot : undefined;
        if (!snapshot) break;
        const tab = pid === undefined ? undefined : mainFrameByPid.get(pid);
        yield {
          id: `t${++seq}`,
          ts,
          type: "screenshot",
          ...(tab ? { tab } : {}),
          screenshot: { byteLength: base64Bytes(snapshot), mimeType: "image/jpeg" },
          source,
        };
        break;
      }
    }
  }
}
