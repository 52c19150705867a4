import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { generateExamples } from "@/lib/pipeline/examples/generate-examples";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import type { CanonicalEvent } from "@/schemas/events";
import { TestSession, type TypingMode } from "@/test/helpers/test-session";
import { gmailTargets as gm } from "@/test/helpers/test-targets";

const catalog = getBundledCatalog();
type Noise = Omit<CanonicalEvent, "id" | "ts" | "source" | "url" | "tab">;

/** A compose flow; returns its events and the indexes between user steps (where focus can wander). */
function composeFlow(mode: TypingMode) {
  const s = new TestSession("https://mail.google.com/mail/u/0/#inbox");
  const boundaries: number[] = [];
  const step = (f: () => void) => {
    f();
    boundaries.push(s.events.length);
  };
  step(() => s.click(gm.compose));
  step(() => s.click(gm.to).type(gm.to, "erin@example.com", mode).commitChip(gm.to));
  step(() => s.click(gm.subject).type(gm.subject, "Offsite agenda", mode));
  step(() => s.click(gm.body).type(gm.body, "Draft attached.\nThanks", mode));
  s.click(gm.send);
  return { events: s.events, boundaries };
}

const scrollBurst = fc
  .integer({ min: 1, max: 8 })
  .map((n): Noise[] => Array.from({ length: n }, (_, i) => ({ type: "scroll", scrollY: i * 120 })));
const screenshot = fc.constant<Noise[]>([{ type: "screenshot" }]);
const anywhere = fc.oneof(scrollBurst, screenshot);
const neutral = fc.constantFrom(
  { tag: "div", role: "main" },
  { tag: "span", text: "Primary" },
  { tag: "div", role: "navigation", ariaLabel: "Labels" },
);
const betweenSteps = fc.oneof(
  anywhere,
  neutral.map((target): Noise[] => [
    { type: "focus", target },
    { type: "blur", target },
  ]),
  neutral.map((target): Noise[] => [
    { type: "mousedown", target },
    { type: "mouseup", target },
    { type: "click", target },
  ]),
  fc
    .record({ x: fc.integer({ min: 0, max: 1200 }), y: fc.integer({ min: 0, max: 800 }) })
    .map((p): Noise[] => [{ type: "click", ...p }]),
);

function withNoise(events: CanonicalEvent[], inserts: { at: number; noise: Noise[] }[]): CanonicalEvent[] {
  const out: CanonicalEvent[] = [];
  const start = events[0]?.ts ?? 0;
  const stamp = () => start + 7 * out.length;
  events.forEach((event, index) => {
    for (const insert of inserts.filter((i) => i.at === index)) {
      for (const noise of insert.noise) {
        const id = `n${out.length}`;
        out.push({
          ...noise,
          id,
          ts: stamp(),
          url: event.url,
          tab: event.tab,
          source: { format: "native" },
        } as CanonicalEvent);
      }
    }
    out.push({ ...event, ts: stamp() });
  });
  return out;
}

async function toolCallsOf(events: CanonicalEvent[]) {
  const { actions } = await runPipeline({ events, suite: "gmail", catalog });
  const { toolCalls } = await generateExamples({
    actions,
    suite: "gmail",
    model: "tracepipe-rules-1",
    catalog,
    format: "openai",
  });
  return toolCalls.map(({ tool, arguments: args }) => ({ tool, arguments: args }));
}

describe("noise invariance", () => {
  const expected = [
    {
      tool: "send_email",
      arguments: { to: ["erin@example.com"], subject: "Offsite agenda", body: "Draft attached.\nThanks" },
    },
  ];

  it("random scrolls, clicks and focus changes around a compose flow leave the tool call unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<TypingMode>("values", "data", "keys"),
        fc.array(
          fc.record({ slot: fc.nat(), atBoundary: fc.boolean(), between: betweenSteps, inside: anywhere }),
          { maxLength: 12 },
        ),
        async (mode, picks) => {
          const { events, boundaries } = composeFlow(mode);
          const inserts = picks.map((pick) =>
            pick.atBoundary
              ? { at: boundaries[pick.slot % boundaries.length] ?? 0, noise: pick.between }
              : { at: 1 + (pick.slot % (events.length - 1)), noise: pick.inside },
          );
          expect(await toolCallsOf(withNoise(events, inserts))).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the flow without noise gives the expected call (the property is not vacuous)", async () => {
    const { events } = composeFlow("values");
    expect(await toolCallsOf(events)).toEqual(expected);
    expect(await toolCallsOf(events.filter((e) => e.target?.text !== "Send"))).toEqual([]);
  });
});
