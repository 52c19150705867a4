import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { interactionRow } from "@/lib/explorer/timeline-chunks";
import { pageContextOf } from "@/lib/pipeline/review/review-proposals";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import type { RedactionLevel } from "@/schemas/data-policy";
import type { CanonicalEvent } from "@/schemas/events";
import { collect, streamFrom } from "@/test/helpers/stream-from";
import { buildBronze } from "../build-bronze";

const recording = (name: string) =>
  readFileSync(path.join(process.cwd(), "e2e/fixtures/recordings", name, "input_events.jsonl"), "utf8");

const source = (text: string) => ({ stream: streamFrom(text, 4096), fileName: "input_events.jsonl" });

let seq = 0;
function event(partial: Partial<CanonicalEvent>): CanonicalEvent {
  seq++;
  return { id: `e${seq}`, ts: seq, type: "input", source: { format: "native" }, ...partial };
}

async function bronzeOf(events: CanonicalEvent[], redaction: RedactionLevel) {
  const bronze = buildBronze(
    (async function* () {
      yield* events;
    })(),
    { redaction },
  );
  return { events: await collect(bronze.events), summary: bronze.summary };
}

const field = { tag: "input", type: "text", ariaLabel: "Notes", selector: "#notes" };

/** Typing `text` one character at a time: keydown and input per character, like the recorders write it. */
function typed(text: string, target = field): CanonicalEvent[] {
  return [...text].flatMap((ch, i) => [
    event({ type: "keydown", key: ch, code: `Key${ch.toUpperCase()}`, value: text.slice(0, i), target }),
    event({ type: "input", data: ch, inputType: "insertText", value: text.slice(0, i + 1), target }),
  ]);
}

const everyString = (events: CanonicalEvent[]) => JSON.stringify(events);

describe("bronze redaction", () => {
  it("standard: a card number typed key by key leaves bronze in no event, partial values included", async () => {
    const card = "4111 1111 1111 1111";
    const { events, summary } = await bronzeOf(typed(card), "standard");
    for (const e of events) {
      expect(e.data).toBeUndefined();
      expect(e.key).toBeUndefined();
      if (typeof e.value === "string") expect(e.value).toMatch(/^\**$/);
    }
    expect(everyString(events)).not.toMatch(/4111/);
    expect(events.at(-1)).toMatchObject({ masked: true, redacted: ["card"] });
    expect(summary.redactedCount).toBeGreaterThan(0);
  });

  it("standard: secrets in page text and typed text are masked, ordinary text is kept", async () => {
    const token = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    const { events } = await bronzeOf(
      [
        event({ type: "appear", target: { tag: "code", text: `Your token ${token} was created` } }),
        event({
          type: "change",
          value: "Quarterly review agenda",
          target: { ...field, selector: "#subject" },
        }),
        event({ type: "appear", target: { tag: "div", text: "Your verification code is 482913" } }),
      ],
      "standard",
    );
    expect(events[0]?.target?.text).toBe(`Your token ${"*".repeat(token.length)} was created`);
    expect(events[0]?.redacted).toEqual(["secret"]);
    expect(events[1]?.value).toBe("Quarterly review agenda");
    expect(events[1]?.redacted).toBeUndefined();
    expect(events[2]?.target?.text).toBe("Your verification code is ******");
  });

  it("standard keeps emails, phones and names; off keeps cards (passwords are dropped at every level)", async () => {
    const text = "Alice Smith <alice@acme.com>, +1 415 555 2671, card 4111111111111111";
    const standard = await bronzeOf([event({ type: "appear", target: { tag: "div", text } })], "standard");
    expect(standard.events[0]?.target?.text).toBe(
      "Alice Smith <alice@acme.com>, +1 415 555 2671, card ****************",
    );
    const off = await bronzeOf([event({ type: "appear", target: { tag: "div", text } })], "off");
    expect(off.events[0]?.target?.text).toBe(text);
    const password = await bronzeOf(typed("hunter22", { ...field, type: "password" }), "off");
    expect(everyString(password.events)).not.toMatch(/hunter|"key":"h"/);
  });

  it("strict: one placeholder per person, the same in typed values, chips and page text", async () => {
    const to = { tag: "input", type: "text", ariaLabel: "To recipients", selector: "#to" };
    const { events } = await bronzeOf(
      [
        event({ type: "navigation", title: "Inbox - ada.lovelace@acme.com - Gmail" }),
        ...typed("alice@acme.com", to),
        event({ type: "appear", target: { tag: "span", ariaLabel: "Remove alice@acme.com", text: "×" } }),
        event({
          type: "appear",
          target: { tag: "div", text: "Alice Smith wrote: call me at (415) 555-2671 or mail ALICE@acme.com" },
        }),
      ],
      "strict",
    );
    const all = everyString(events);
    expect(all).not.toMatch(/alice|lovelace|555-2671/i);
    const typedValues = events.filter((e) => e.type === "input").map((e) => e.value);
    expect(typedValues.at(-1)).toBe("person2@example.com");
    expect(typedValues[0]).toBe("p");
    expect(typedValues[4]).toBe("person2");
    expect(typedValues).toContain("person2@");
    expect(events.at(-2)?.target?.ariaLabel).toBe("Remove person2@example.com");
    expect(events.at(-1)?.target?.text).toBe(
      "Person 2 wrote: call me at (555) 010-0001 or mail person2@example.com",
    );
    expect(events[0]?.title).toBe("Inbox - person1@example.com - Gmail");
    expect(events.at(-1)?.redacted).toEqual(["email", "name", "phone"]);
  });

  it("strict: any address typed anywhere becomes a valid example.com address (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.emailAddress(), async (address) => {
        fc.pre(/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(address));
        const { events } = await bronzeOf(
          [event({ type: "change", value: address, target: { ...field, selector: "#to" } })],
          "strict",
        );
        expect(events[0]?.value).toMatch(/^person\d+@example\.com$/);
      }),
      { numRuns: 200 },
    );
  });

  it("strict: the Gmail compose recording's recipients are placeholders in the gold action, still emails", async () => {
    const result = await runPipeline({
      sources: [source(recording("gmail-compose-send"))],
      suite: "gmail",
      catalog: getBundledCatalog(),
      redaction: "strict",
    });
    const send = result.actions.find((a) => Array.isArray(a.parameters.to));
    expect(send?.parameters.subject).toBe("Quarterly review agenda");
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/alice@|bob@|carol@|ada\.lovelace/i);
    // The signed-in user (ada) is person1 from the title; the three recipients follow in order of first sight.
    expect(send?.parameters.to).toEqual(["person2@example.com", "person3@example.com"]);
    expect(send?.parameters.cc).toEqual(["person4@example.com"]);
  });
});

describe("redaction markers downstream", () => {
  it("strict: interactions and the review queue's page context carry the kinds, never the values", async () => {
    const result = await runPipeline({
      sources: [source(recording("gmail-compose-send"))],
      suite: "gmail",
      catalog: getBundledCatalog(),
      redaction: "strict",
    });
    const typedRecipients = result.interactions.find((i) => i.chips?.includes("person2@example.com"));
    expect(typedRecipients?.redacted).toContain("email");
    const action = result.actions.find((a) => Array.isArray(a.parameters.to));
    const context = action ? pageContextOf(action, result.interactions) : [];
    expect(context.some((line) => line.redacted?.includes("email"))).toBe(true);
    const rows = result.interactions.map((i) => interactionRow(i, 0).label);
    expect(rows.some((label) => label.includes("[redacted: email"))).toBe(true);
  });
});
