import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { resolveActionToolMap } from "@/lib/pipeline/examples/generate-examples";
import type { GoldAction, Interaction } from "@/schemas/pipeline";
import {
  actionParametersOf,
  buildReviewProposals,
  changedArguments,
  reviewReasonsOf,
} from "./review-proposals";

const { map, server } = resolveActionToolMap(getBundledCatalog(), "google-calendar");

const action = (overrides: Partial<GoldAction>): GoldAction => ({
  id: "a1",
  slug: "create_event",
  parameters: {},
  confidence: 0.5,
  needsReview: true,
  source: "rules",
  interactionIds: ["i2"],
  eventIds: ["e5"],
  window: "w1",
  ts: 1000,
  ...overrides,
});

const interaction = (id: string, ts: number, overrides: Partial<Interaction> = {}): Interaction => ({
  id,
  kind: "type",
  ts,
  endTs: ts,
  tab: "t1",
  eventIds: [`e${id}`],
  ...overrides,
});

describe("review proposals", () => {
  it("proposes only needs-review actions, mapped and zoned, with nothing invented for what is missing", () => {
    const proposals = buildReviewProposals({
      actions: [
        action({ id: "a2", needsReview: false, parameters: { title: "x" } }),
        action({ parameters: { start: "2026-07-01T09:00:00" }, missingParameters: ["title", "end"] }),
      ],
      interactions: [],
      map,
      server,
      timezone: "Europe/Berlin",
    });
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      actionId: "a1",
      reasons: ["missing_required_argument"],
      toolServer: "google-calendar-mcp",
      toolName: "create-event",
      proposedArguments: { calendarId: "primary", start: "2026-07-01T09:00:00+02:00" },
      evidence: { missingParameters: ["title", "end"], timezone: "Europe/Berlin" },
    });
  });

  it("keeps the recogniser's reasons, else derives them", () => {
    expect(reviewReasonsOf(action({ reviewReasons: ["trace_only", "trace_only"] }))).toEqual(["trace_only"]);
    expect(reviewReasonsOf(action({ missingParameters: ["title"] }))).toEqual(["missing_required_argument"]);
    expect(reviewReasonsOf(action({}))).toEqual(["low_confidence"]);
  });

  it("gives the page context: the action's interactions and their neighbours in the same tab, masked values hidden", () => {
    const interactions = [
      interaction("i0", 1, { target: { tag: "input", ariaLabel: "Search" }, value: "old" }),
      interaction("i1", 2, { tab: "t2", value: "other tab" }),
      interaction("i2", 3, { target: { tag: "input", ariaLabel: "Title" }, value: "Lunch" }),
      interaction("i3", 4, { target: { tag: "input", type: "password", label: "Password" }, masked: true }),
      interaction("i4", 5, { kind: "scroll" }),
      interaction("i5", 6, { kind: "click", target: { tag: "button", role: "button", text: "Save" } }),
    ];
    const [proposal] = buildReviewProposals({ actions: [action({})], interactions, map, server });
    expect(proposal?.evidence.context).toEqual([
      { interactionId: "i0", ts: 1, kind: "type", isSource: false, element: "input “Search”", value: "old" },
      { interactionId: "i2", ts: 3, kind: "type", isSource: true, element: "input “Title”", value: "Lunch" },
      { interactionId: "i3", ts: 4, kind: "type", isSource: false, element: "input “Password”" },
      { interactionId: "i5", ts: 6, kind: "click", isSource: false, element: "button “Save”" },
    ]);
  });

  it("reads reviewed tool arguments back as action parameters, and lists what a reviewer changed", () => {
    const mapping = map.mappings.find((m) => m.action === "create_event");
    if (!mapping) throw new Error("no mapping");
    expect(
      actionParametersOf(mapping, {
        calendarId: "primary",
        summary: "Lunch",
        start: "2026-07-01T09:00:00+02:00",
        attendees: [{ email: "a@example.com" }],
      }),
    ).toEqual({ title: "Lunch", start: "2026-07-01T09:00:00+02:00", guests: ["a@example.com"] });
    expect(changedArguments({ a: 1, b: [1] }, { a: 1, b: [2], c: "x" })).toEqual([
      { argument: "b", proposed: [1], accepted: [2] },
      { argument: "c", proposed: null, accepted: "x" },
    ]);
  });
});
