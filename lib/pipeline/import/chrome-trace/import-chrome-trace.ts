import { isRecord } from "@/lib/pipeline/is-record";
import type { CanonicalEvent, EventType } from "@/schemas/events";
import type { ImporterContext } from "../import-issue";
import { readRecords, type SourceRecord } from "../read-records";
import { FormOutcomes } from "./form-outcome";

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
  /"(?:EventDispatch|Screenshot|navigationStart|CommitLoad|FrameCommittedInBrowser|TracingStartedIn(?:Browser|Page)|RenderFrameHostImpl::DidCommitSameDocumentNavigation|largestContentfulPaint::CandidateForSoftNavigation)"/;

const str = (value: unknown, max: number) =>
  typeof value === "string" && value.length > 0 ? value.slice(0, max) : undefined;

function where(record: SourceRecord): { line: number } | { path: string | undefined } {
  return record.line !== undefined ? { line: record.line } : { path: record.path };
}

/** Decoded size of a base64 string without decoding it. */
function base64Bytes(data: string): number {
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

/**
 * Chrome trace files (`{traceEvents: [...]}` or a bare array; chrome://tracing, DevTools Performance, CDP
 * Tracing). Gives a timeline: `EventDispatch` input events, main-frame navigations (including same-document ones:
 * single-page apps change `#search/…` or `?q=…` without a new document), screenshot frames, and `appear` events
 * for what a closed form left on the page (see {@link FormOutcomes}). Traces carry no typed text and no target
 * element, so events have neither — nothing is invented. `ts` is the trace's monotonic clock in ms
 * (`timeline: "monotonic"`), not wall time.
 */
export async function* importChromeTrace(
  text: AsyncIterable<string>,
  ctx: ImporterContext,
): AsyncGenerator<CanonicalEvent[]> {
  ctx.hints.clock = "monotonic";
  const mainFrameByPid = new Map<number, string>();
  const urlByFrame = new Map<string, string>();
  const lastNavigation = new Map<string, { url: string; ts: number }>();
  const outcomes = new FormOutcomes();
  let seq = 0;
  const records = readRecords(text, ctx, { arrayKeys: ["traceEvents"], filter: (raw) => RELEVANT.test(raw) });

  for await (const batch of records) {
    const out: CanonicalEvent[] = [];
    for (const record of batch) importTraceEvent(record, out);
    if (out.length > 0) yield out;
  }

  function navigateFrame(
    frame: string | undefined,
    url: string | undefined,
    sameDocument: boolean,
    ts: number,
    source: CanonicalEvent["source"],
    out: CanonicalEvent[],
  ): boolean {
    if (!frame || !url || url === "about:blank") return false;
    // A same-document commit to the URL the frame already shows changes nothing a person did.
    if (sameDocument && urlByFrame.get(frame) === url) return false;
    urlByFrame.set(frame, url);
    const last = lastNavigation.get(frame);
    // One navigation shows up as several events (navigationStart, FrameCommittedInBrowser, CommitLoad).
    if (last && last.url === url && Math.abs(ts - last.ts) < 5000) return false;
    lastNavigation.set(frame, { url, ts });
    out.push({
      id: `t${++seq}`,
      ts,
      type: "navigation",
      url: url.slice(0, 8192),
      tab: frame.slice(0, 128),
      source,
    });
    return true;
  }

  function importTraceEvent(record: SourceRecord, out: CanonicalEvent[]): void {
    const event = record.value;
    if (!isRecord(event) || typeof event.name !== "string") {
      ctx.log.add({ ...where(record), code: "invalid_event", message: "trace event needs a string `name`" });
      return;
    }
    if (typeof event.ts !== "number" || !Number.isFinite(event.ts)) {
      ctx.log.add({
        ...where(record),
        code: "invalid_event",
        message: `${event.name} needs a numeric \`ts\``,
      });
      return;
    }
    const ts = event.ts / 1000;
    const pid = typeof event.pid === "number" ? event.pid : undefined;
    const args = isRecord(event.args) ? event.args : {};
    const data = isRecord(args.data) ? args.data : {};
    // Built field by field (no spreads, no per-event closure): most of a trace's events pass through here.
    const source: CanonicalEvent["source"] =
      record.line !== undefined
        ? { format: "chrome-trace", file: ctx.file, line: record.line, timeline: "monotonic" }
        : { format: "chrome-trace", file: ctx.file, path: record.path, timeline: "monotonic" };

    switch (event.name) {
      case "TracingStartedInBrowser":
      case "TracingStartedInPage": {
        const frames = Array.isArray(data.frames) ? data.frames.filter(isRecord) : [];
        for (const frame of frames) {
          const id = str(frame.frame, 128);
          if (!id || frame.parent !== undefined) continue;
          if (typeof frame.processId === "number") mainFrameByPid.set(frame.processId, id);
          navigateFrame(id, str(frame.url, 8192), false, ts, source, out);
        }
        const page = str(data.page, 128);
        if (page && pid !== undefined) mainFrameByPid.set(pid, page);
        break;
      }
      case "FrameCommittedInBrowser": {
        const frame = str(data.frame, 128);
        if (data.parent !== undefined || !frame) break;
        if (typeof data.processId === "number") mainFrameByPid.set(data.processId, frame);
        navigateFrame(frame, str(data.url, 8192), false, ts, source, out);
        break;
      }
      case "CommitLoad": {
        const frame = str(data.frame, 128);
        if (data.isMainFrame !== true || !frame) break;
        if (pid !== undefined) {
          mainFrameByPid.set(pid, frame);
          outcomes.documentLoaded(String(pid));
        }
        navigateFrame(frame, str(data.url, 8192), false, ts, source, out);
        break;
      }
      case "RenderFrameHostImpl::DidCommitSameDocumentNavigation": {
        // Logged by the browser process: `args.url` is the new URL; the renderer's pid names the main frame.
        const host = isRecord(args.render_frame_host) ? args.render_frame_host : {};
        if (host.frame_type !== "PRIMARY_MAIN_FRAME") break;
        const process = isRecord(host.process) ? host.process : {};
        const child = typeof process.child_process_id === "number" ? process.child_process_id : undefined;
        if (child === undefined) break;
        const frame = mainFrameByPid.get(child) ?? `pid:${child}`;
        if (navigateFrame(frame, str(args.url, 8192), true, ts, source, out))
          outcomes.navigated(String(child), ts);
        break;
      }
      case "navigationStart": {
        if (data.isLoadingMainFrame !== true) break;
        navigateFrame(str(args.frame, 128), str(data.documentLoaderURL, 8192), false, ts, source, out);
        break;
      }
      case "EventDispatch": {
        if (pid !== undefined && typeof data.type === "string")
          outcomes.dispatched(String(pid), data.type, ts);
        const type = typeof data.type === "string" ? dispatchTypes[data.type] : undefined;
        if (!type) break;
        const tab = pid === undefined ? undefined : mainFrameByPid.get(pid);
        const url = tab ? urlByFrame.get(tab) : undefined;
        const dispatched: CanonicalEvent = { id: `t${++seq}`, ts, type } as CanonicalEvent;
        if (tab) dispatched.tab = tab;
        else if (pid !== undefined) dispatched.tab = `pid:${pid}`;
        if (url) dispatched.url = url;
        dispatched.source = source;
        out.push(dispatched);
        break;
      }
      case "largestContentfulPaint::CandidateForSoftNavigation": {
        if (pid === undefined || !outcomes.painted(String(pid), ts)) break;
        const tab = mainFrameByPid.get(pid);
        const url = tab ? urlByFrame.get(tab) : undefined;
        const shown: CanonicalEvent = { id: `t${++seq}`, ts, type: "appear" } as CanonicalEvent;
        shown.tab = tab ?? `pid:${pid}`;
        if (url) shown.url = url;
        shown.source = source;
        out.push(shown);
        break;
      }
      case "Screenshot": {
        const snapshot = typeof args.snapshot === "string" ? args.snapshot : undefined;
        if (!snapshot) break;
        const tab = pid === undefined ? undefined : mainFrameByPid.get(pid);
        const frame: CanonicalEvent = { id: `t${++seq}`, ts, type: "screenshot" } as CanonicalEvent;
        if (tab) frame.tab = tab;
        frame.screenshot = { byteLength: base64Bytes(snapshot), mimeType: "image/jpeg" };
        frame.source = source;
        out.push(frame);
        break;
      }
    }
  }
}
