import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { importAll } from "../../../../test/helpers/stream-from";

const sample = readFileSync(new URL("../samples/calendar.trace.json", import.meta.url), "utf8");

describe("Chrome trace import", () => {
  it("gives a timeline of input events, navigations and screenshots without invented values", async () => {
    const { format, events, issues } = await importAll(sample, {
      fileName: "Trace-20260302.json",
      chunkSize: 13,
    });
    expect(format).toBe("chrome-trace");
    expect(events.map((e) => [e.type, e.ts])).toEqual([
      ["navigation", 1000],
      ["mousedown", 2000],
      ["mouseup", 2080],
      ["click", 2080.5],
      ["screenshot", 2100],
      ["keyup", 2999],
      ["keydown", 3000],
      ["input", 3000.1],
      ["navigation", 4000],
    ]);
    expect(events[0]).toMatchObject({ url: "https://calendar.google.com/calendar/u/0/r/week", tab: "F1" });
    expect(events[1]).toMatchObject({ tab: "F1", url: "https://calendar.google.com/calendar/u/0/r/week" });
    expect(events[4]?.screenshot?.byteLength).toBeGreaterThan(100);
    expect(events[8]).toMatchObject({ url: "https://calendar.google.com/calendar/u/0/r/eventedit" });
    for (const event of events) {
      expect(event).not.toHaveProperty("value");
      expect(event).not.toHaveProperty("target");
      expect(event.source.timeline).toBe("monotonic");
    }
    expect(events[1]?.source.path).toBe("$.traceEvents[4]");
    expect(issues).toEqual([expect.objectContaining({ path: "$.traceEvents[12]", code: "invalid_event" })]);
  });

  it("reads a bare array trace and reports truncation", async () => {
    const traceEvents = (JSON.parse(sample) as { traceEvents: unknown[] }).traceEvents;
    const bare = `[\n${traceEvents.map((e) => JSON.stringify(e)).join(",\n")}\n]`;
    const { format, events, issues } = await importAll(
      bare.slice(0, bare.indexOf('{"args":{"data":{"type":"keydown"')),
    );
    expect(format).toBe("chrome-trace");
    expect(events.map((e) => e.type)).toEqual(["navigation", "mousedown", "mouseup", "click", "screenshot"]);
    expect(issues).toEqual([expect.objectContaining({ code: "truncated_json" })]);
  });

  /** Shaped like Chrome 14x traces: the browser process (pid 1) logs same-document commits of renderer 20's frames. */
  const sameDocument = (ts: number, url: string, child: number, frameType = "PRIMARY_MAIN_FRAME") => ({
    args: {
      render_frame_host: {
        frame_type: frameType,
        process: { child_process_id: child, id: 13 },
        url: "https://mail.google.com/mail/u/0/#inbox",
      },
      url,
    },
    cat: "navigation",
    dur: 300,
    name: "RenderFrameHostImpl::DidCommitSameDocumentNavigation",
    ph: "X",
    pid: 1,
    tid: 1,
    ts,
  });
  const search = "https://mail.google.com/mail/u/0/#search/from%3Abilling%40example.net+invoice";
  const spaTrace = JSON.stringify({
    traceEvents: [
      {
        args: {
          data: {
            frame: "F1",
            isMainFrame: true,
            page: "F1",
            url: "https://mail.google.com/mail/u/0/#inbox",
          },
        },
        cat: "devtools.timeline",
        name: "CommitLoad",
        ph: "X",
        pid: 20,
        tid: 20,
        ts: 1_000_000,
      },
      {
        args: { data: { type: "click" } },
        cat: "devtools.timeline",
        name: "EventDispatch",
        ph: "X",
        pid: 20,
        tid: 20,
        ts: 2_000_000,
      },
      // The renderer's own record of the same change carries no frame id; the browser's commit is what counts.
      {
        args: { load_type: 0, url: search },
        cat: "navigation",
        name: "LocalFrame::Navigate",
        ph: "X",
        pid: 20,
        tid: 20,
        ts: 2_999_000,
      },
      sameDocument(3_000_000, search, 20),
      sameDocument(3_500_000, search, 20),
      sameDocument(3_600_000, "https://ads.example.com/frame#x", 20, "SUBFRAME"),
      {
        args: { data: { type: "click" } },
        cat: "devtools.timeline",
        name: "EventDispatch",
        ph: "X",
        pid: 20,
        tid: 20,
        ts: 4_000_000,
      },
      sameDocument(9_000_000, "https://mail.google.com/mail/u/0/#inbox", 20),
      sameDocument(9_500_000, "https://example.org/#other", 30),
    ],
  });

  it("turns same-document main-frame commits into navigations of that frame, once per URL change", async () => {
    const { events, issues } = await importAll(spaTrace, { chunkSize: 17 });
    expect(issues).toEqual([]);
    expect(events.map((e) => [e.type, e.ts, e.tab, e.url])).toEqual([
      ["navigation", 1000, "F1", "https://mail.google.com/mail/u/0/#inbox"],
      ["click", 2000, "F1", "https://mail.google.com/mail/u/0/#inbox"],
      ["navigation", 3000, "F1", search],
      ["click", 4000, "F1", search],
      ["navigation", 9000, "F1", "https://mail.google.com/mail/u/0/#inbox"],
      // A renderer whose main frame the trace never named still gets its own tab.
      ["navigation", 9500, "pid:30", "https://example.org/#other"],
    ]);
  });

  it("lets a trace-only session yield the search its address shows", async () => {
    const { events } = await importAll(spaTrace);
    const { actions } = await runPipeline({ events, suite: "gmail", catalog: getBundledCatalog() });
    expect(actions.map((a) => [a.slug, a.parameters])).toEqual([
      ["search_mail", { query: "from:billing@example.net invoice" }],
    ]);
  });
});
