import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { importAll } from "../../../../test/helpers/stream-from";
import { FormOutcomes, OUTCOME_PAINT_MS } from "./form-outcome";

/**
 * Small traces shaped like Chrome 14x DevTools Performance recordings: the renderer (pid 20) logs `CommitLoad`,
 * `EventDispatch` with only `data.type`, and `largestContentfulPaint::CandidateForSoftNavigation` with the painted
 * node's debug name; the browser (pid 1) logs same-document commits of the renderer's main frame.
 */
class TraceBuilder {
  private readonly events: object[] = [];
  private ts = 0;

  constructor(url: string) {
    this.events.push({
      args: { data: { frame: "F1", isMainFrame: true, page: "F1", url } },
      cat: "devtools.timeline",
      name: "CommitLoad",
      ph: "X",
      pid: 20,
      tid: 20,
      ts: this.ts,
    });
  }

  /** Advances the clock by `ms`, then dispatches each type 1 ms apart. */
  dispatch(ms: number, ...types: string[]): this {
    this.ts += ms * 1000;
    for (const type of types) {
      this.events.push({
        args: { data: { type } },
        cat: "devtools.timeline",
        name: "EventDispatch",
        ph: "X",
        pid: 20,
        tid: 20,
        ts: this.ts,
      });
      this.ts += 1000;
    }
    return this;
  }

  /** Characters typed into the focused field: what a trace keeps of each keystroke. */
  type(count: number): this {
    for (let i = 0; i < count; i++) this.dispatch(80, "keydown", "keypress", "beforeinput", "input", "keyup");
    return this;
  }

  paint(ms: number, nodeName = "DIV"): this {
    this.ts += ms * 1000;
    this.events.push({
      args: {
        data: { candidateIndex: 1, isMainFrame: true, nodeId: 40, nodeName, size: 2000, type: "text" },
        frame: "F1",
      },
      cat: "loading,rail,devtools.timeline",
      name: "largestContentfulPaint::CandidateForSoftNavigation",
      ph: "R",
      pid: 20,
      tid: 20,
      ts: this.ts,
    });
    return this;
  }

  sameDocument(ms: number, url: string): this {
    this.ts += ms * 1000;
    this.events.push({
      args: {
        render_frame_host: { frame_type: "PRIMARY_MAIN_FRAME", process: { child_process_id: 20, id: 13 } },
        url,
      },
      cat: "navigation",
      name: "RenderFrameHostImpl::DidCommitSameDocumentNavigation",
      ph: "X",
      pid: 1,
      tid: 1,
      ts: this.ts,
    });
    return this;
  }

  toString(): string {
    return JSON.stringify({ traceEvents: this.events });
  }
}

const catalog = getBundledCatalog();
const week = "https://calendar.google.com/calendar/u/0/r/week/2026/11/30";
const inbox = "https://mail.google.com/mail/u/0/#inbox";
const composeUrl = "https://mail.google.com/mail/u/0/?compose=new#inbox";

async function actionsOf(trace: TraceBuilder, suite: string) {
  const { events } = await importAll(trace.toString());
  // The zone a customer states on upload (a trace records none).
  const { actions } = await runPipeline({ events, suite, catalog, timezone: "America/New_York" });
  return actions.map((a) => ({ slug: a.slug, parameters: a.parameters, reasons: a.reviewReasons }));
}

/** Click a grid slot, click into the dialog's title, type. */
const quickCreate = (t: TraceBuilder) =>
  t.dispatch(500, "mousedown", "focus", "mouseup", "click").paint(40).dispatch(300, "click").type(8);

describe("FormOutcomes", () => {
  it("takes a paint right after the typed-in form lost focus to nothing as its outcome", () => {
    const outcomes = new FormOutcomes();
    outcomes.dispatched("20", "input", 0);
    outcomes.dispatched("20", "blur", 100);
    expect(outcomes.painted("20", 150)).toBe(true);
    // One outcome per closed form.
    expect(outcomes.painted("20", 160)).toBe(false);
  });

  it("keeps what was typed when focus moves to the form's button, and settles when that button goes", () => {
    const outcomes = new FormOutcomes();
    outcomes.dispatched("20", "input", 0);
    outcomes.dispatched("20", "blur", 100);
    outcomes.dispatched("20", "focus", 101);
    outcomes.dispatched("20", "click", 150);
    outcomes.dispatched("20", "blur", 151);
    expect(outcomes.painted("20", 400)).toBe(true);
  });

  it("takes no paint as an outcome without typing, too late, after a new document or in another renderer", () => {
    const untyped = new FormOutcomes();
    untyped.dispatched("20", "blur", 100);
    expect(untyped.painted("20", 150)).toBe(false);

    const late = new FormOutcomes();
    late.dispatched("20", "input", 0);
    late.dispatched("20", "blur", 100);
    expect(late.painted("20", 100 + OUTCOME_PAINT_MS + 1)).toBe(false);

    const reloaded = new FormOutcomes();
    reloaded.dispatched("20", "input", 0);
    reloaded.dispatched("20", "blur", 100);
    reloaded.documentLoaded("20");
    expect(reloaded.painted("20", 150)).toBe(false);

    const other = new FormOutcomes();
    other.dispatched("20", "input", 0);
    other.dispatched("20", "blur", 100);
    expect(other.painted("30", 150)).toBe(false);
  });

  it("takes the first paint after a URL change as the new view's, once", () => {
    const outcomes = new FormOutcomes();
    outcomes.navigated("20", 100);
    expect(outcomes.painted("20", 99)).toBe(false);
    expect(outcomes.painted("20", 140)).toBe(true);
    expect(outcomes.painted("20", 150)).toBe(false);
  });

  it("forgets a dismissed form: a later paint after the next untyped blur is no outcome", () => {
    const outcomes = new FormOutcomes();
    outcomes.dispatched("20", "input", 0);
    outcomes.dispatched("20", "blur", 100);
    outcomes.dispatched("20", "focus", 3000);
    outcomes.dispatched("20", "blur", 5000);
    expect(outcomes.painted("20", 5050)).toBe(false);
  });
});

describe("Chrome trace form outcomes", () => {
  it("imports the outcome paint as an appear with no target or value, and no paint made while typing", async () => {
    const trace = quickCreate(new TraceBuilder(week)).paint(20).dispatch(50, "keydown", "change", "blur");
    trace.paint(60, "DIV class='chip'");
    const { events } = await importAll(trace.toString());
    const shown = events.filter((e) => e.type === "appear");
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ tab: "F1", url: week });
    expect(shown[0]).not.toHaveProperty("target");
    expect(shown[0]).not.toHaveProperty("value");
  });

  it("proposes a Calendar quick-create saved with Enter for review, without inventing its title or times", async () => {
    const trace = quickCreate(new TraceBuilder(week)).dispatch(50, "keydown", "change", "blur").paint(60);
    expect(await actionsOf(trace, "google-calendar")).toEqual([
      { slug: "create_event", parameters: {}, reasons: ["trace_only", "missing_required_argument"] },
    ]);
  });

  it("makes no action of a quick-create dismissed with Escape, nor of a paint from an untyped click later", async () => {
    const trace = quickCreate(new TraceBuilder(week)).dispatch(50, "keydown", "change", "blur");
    trace.dispatch(2000, "mousedown", "mouseup", "click").paint(40);
    expect(await actionsOf(trace, "google-calendar")).toEqual([]);
  });

  it("proposes a Gmail label whose dialog was answered by new content on the mailbox page", async () => {
    const trace = new TraceBuilder(inbox).dispatch(500, "click").paint(40).dispatch(300, "click").type(6);
    trace.dispatch(200, "change", "blur", "focus", "click", "blur").paint(30, "DIV id='toast'");
    expect(await actionsOf(trace, "gmail")).toEqual([
      { slug: "create_label", parameters: {}, reasons: ["trace_only", "missing_required_argument"] },
    ]);
  });

  it("makes no label of a search, whose results are a new view at a new address", async () => {
    const trace = new TraceBuilder(inbox).dispatch(500, "click").type(7).dispatch(50, "keydown", "change");
    trace.sameDocument(5, "https://mail.google.com/mail/u/0/#search/invoice").dispatch(5, "blur").paint(60);
    expect((await actionsOf(trace, "gmail")).map((a) => [a.slug, a.parameters])).toEqual([
      ["search_mail", { query: "invoice" }],
    ]);
  });

  const composeClosed = (notice: boolean, paintsLogged = true) => {
    const trace = new TraceBuilder(inbox).dispatch(500, "click").sameDocument(5, composeUrl);
    if (paintsLogged) trace.paint(40, "H2 id='compose-title'");
    trace.dispatch(300, "click").type(10).dispatch(200, "blur", "focus", "click", "blur");
    trace.sameDocument(3, inbox);
    return notice ? trace.paint(70, "DIV id='toast'") : trace.dispatch(3000, "scroll");
  };

  it("takes a compose closed with nothing painted after it as a kept draft", async () => {
    expect((await actionsOf(composeClosed(false), "gmail")).map((a) => a.slug)).toEqual(["save_draft"]);
  });

  it("reads a closed compose as sent in a trace whose Chrome logs no soft-navigation paints at all", async () => {
    expect((await actionsOf(composeClosed(false, false), "gmail")).map((a) => a.slug)).toEqual([
      "compose_email",
    ]);
  });

  it("takes a compose closed and answered by a notice as sent, and the notice as no label", async () => {
    expect(await actionsOf(composeClosed(true), "gmail")).toEqual([
      { slug: "compose_email", parameters: {}, reasons: ["trace_only", "missing_required_argument"] },
    ]);
  });
});
