import { maybe, pick, type Random } from "./random";

/** One Chrome trace event drawn from every event name the importer reads, plus noise and odd values. */
export function traceEvent(random: Random, ts: number): unknown {
  if (random() < 0.02) return pick(random, [5, "x", null, { ph: "X" }, { name: "EventDispatch", ts: "1" }]);
  const frame = pick(random, ["F1", "F2", "", 5, undefined]);
  const url = pick(random, [
    "https://calendar.google.com/calendar/u/0/r/week",
    "https://calendar.google.com/calendar/u/0/r/day",
    "about:blank",
    "",
    undefined,
  ]);
  const name = pick(random, [
    "EventDispatch",
    "EventDispatch",
    "EventDispatch",
    "Screenshot",
    "navigationStart",
    "CommitLoad",
    "FrameCommittedInBrowser",
    "TracingStartedInBrowser",
    "TracingStartedInPage",
    "RenderFrameHostImpl::DidCommitSameDocumentNavigation",
    "FunctionCall",
    "thread_name",
  ]);
  const out: Record<string, unknown> = { name, ph: pick(random, ["X", "I", "O", "M"]), ts };
  maybe(out, random, "pid", [200, 200, 201, 100, undefined, "200"]);
  maybe(out, random, "tid", [7, undefined]);
  const data: Record<string, unknown> = {};
  maybe(data, random, "type", ["click", "mousedown", "keydown", "input", "auxclick", "wheel", 5, undefined]);
  if (frame !== undefined) data.frame = frame;
  if (url !== undefined) data.url = url;
  maybe(data, random, "isMainFrame", [true, true, false, undefined]);
  maybe(data, random, "isLoadingMainFrame", [true, false, undefined]);
  maybe(data, random, "documentLoaderURL", [url, "https://calendar.google.com/x", undefined]);
  maybe(data, random, "parent", [undefined, undefined, "F0"]);
  maybe(data, random, "processId", [200, 201, undefined]);
  maybe(data, random, "page", ["F1", undefined]);
  maybe(data, random, "frames", [
    [{ frame: "F1", processId: 200, url: "https://calendar.google.com/calendar/u/0/r" }],
    [{ frame: "F9", parent: "F1", processId: 201, url: "https://accounts.google.com/frame" }, 5],
    undefined,
  ]);
  const args: Record<string, unknown> = { data: pick(random, [data, data, data, 5, undefined]) };
  maybe(args, random, "snapshot", [
    "/9j/4AAQSkZJRg==",
    "/9j/4AAQSkZJRgA=",
    "/9j/4AAQSkZJRgAB",
    "",
    undefined,
  ]);
  maybe(args, random, "frame", [frame, "F1", undefined]);
  maybe(args, random, "url", [url, "https://calendar.google.com/calendar/u/0/r#search", undefined]);
  maybe(args, random, "render_frame_host", [
    { frame_type: "PRIMARY_MAIN_FRAME", process: { child_process_id: 200 } },
    { frame_type: "PRIMARY_MAIN_FRAME", process: { child_process_id: 999 } },
    { frame_type: "SUBFRAME", process: { child_process_id: 200 } },
    { frame_type: "PRIMARY_MAIN_FRAME" },
    undefined,
  ]);
  out.args = pick(random, [args, args, args, "x", undefined]);
  return out;
}
