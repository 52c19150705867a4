import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { TestSession } from "@/test/helpers/test-session";
import { gmailTargets as gm } from "@/test/helpers/test-targets";

const catalog = getBundledCatalog();
const inbox = "https://mail.google.com/mail/u/0/#inbox";
const run = async (s: TestSession) =>
  (await runPipeline({ events: s.events, suite: "gmail", catalog })).actions;

const compose = (s: TestSession, mode: "values" | "data" | "keys" = "values") =>
  s
    .click(gm.compose)
    .click(gm.to)
    .type(gm.to, "carol@example.org", mode)
    .press(gm.to, "Tab")
    .type(gm.subject, "Q3 report", mode)
    .type(gm.body, "Attached.\nBest, Dana", mode);

describe("Gmail recognisers", () => {
  it("takes a recipient picked from the suggestions when the format names it without a role (Recorder)", async () => {
    const s = new TestSession(inbox).click(gm.compose).click(gm.to).fill(gm.to, "gra");
    s.click({ tag: "div", ariaLabel: "Grace Hopper grace@example.com", selector: "#to-row > div > div" });
    s.fill(gm.subject, "Hi").fill(gm.body, "Hello").press(gm.body, "Enter", ["Control"]);
    const actions = await run(s);
    expect(actions.map((a) => a.parameters.to)).toEqual([["grace@example.com"]]);
  });

  it.each(["values", "data", "keys"] as const)(
    "reads a compose typed as %s and sends it with Ctrl+Enter",
    async (mode) => {
      const s = compose(new TestSession(inbox), mode).press(gm.body, "Enter", ["Control"]);
      const actions = await run(s);
      expect(actions.map((a) => [a.slug, a.parameters])).toEqual([
        ["compose_email", { to: ["carol@example.org"], subject: "Q3 report", body: "Attached.\nBest, Dana" }],
      ]);
    },
  );

  it("treats closing the compose window as save_draft and Discard as nothing", async () => {
    const s = compose(new TestSession(inbox)).click(gm.close);
    compose(s).click(gm.discard);
    const actions = await run(s);
    expect(actions.map((a) => a.slug)).toEqual(["save_draft"]);
    expect(actions[0]?.parameters).toEqual({
      to: ["carol@example.org"],
      subject: "Q3 report",
      body: "Attached.\nBest, Dana",
    });
  });

  it("does not turn an empty compose closed with Escape into a draft", async () => {
    const s = new TestSession(inbox).click(gm.compose).click(gm.subject).press(gm.subject, "Escape");
    expect(await run(s)).toEqual([]);
  });

  it("keeps cc chips apart from to chips and removes a chip deleted with Backspace", async () => {
    const s = new TestSession(inbox)
      .click(gm.compose)
      .type(gm.to, "a@x.com")
      .commitChip(gm.to)
      .type(gm.to, "oops@x.com")
      .commitChip(gm.to, ",");
    s.press(gm.to, "Backspace").type(gm.cc, "c@x.com").blur(gm.cc);
    s.type(gm.subject, "S").type(gm.body, "B").click(gm.send);
    const [action] = await run(s);
    expect(action?.parameters).toEqual({ to: ["a@x.com"], cc: ["c@x.com"], subject: "S", body: "B" });
  });

  it("recognises a search submitted with Enter once, even when the URL changes after it", async () => {
    const s = new TestSession(inbox)
      .click(gm.search)
      .type(gm.search, "from:bob has:attachment")
      .press(gm.search, "Enter");
    s.navigate("https://mail.google.com/mail/u/0/#search/from%3Abob+has%3Aattachment");
    const actions = await run(s);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      slug: "search_mail",
      parameters: { query: "from:bob has:attachment" },
      needsReview: false,
    });
  });

  it("finds a search in the address alone (no typed text, as in a Chrome trace)", async () => {
    const s = new TestSession(inbox).navigate("https://mail.google.com/mail/u/0/#search/invoice");
    const actions = await run(s);
    expect(actions.map((a) => [a.slug, a.parameters])).toEqual([["search_mail", { query: "invoice" }]]);
  });

  it("creates a label from the New label dialog, not when it is cancelled", async () => {
    const s = new TestSession(inbox).type(gm.labelName, "Receipts").click(gm.create);
    s.type(gm.labelName, "Junk").click(gm.cancel);
    const actions = await run(s);
    expect(actions.map((a) => [a.slug, a.parameters])).toEqual([["create_label", { name: "Receipts" }]]);
  });

  it("never uses masked values as parameters", async () => {
    const s = new TestSession(inbox).click(gm.compose).type(gm.to, "bob@example.com").commitChip(gm.to);
    s.push({ type: "input", target: gm.subject, value: "*******", masked: true });
    s.push({ type: "input", target: gm.body, value: "*****", masked: true });
    s.click(gm.send);
    const [action] = await run(s);
    expect(action?.parameters).toEqual({ to: ["bob@example.com"] });
    expect(action?.needsReview).toBe(true);
    expect(action?.missingParameters).toEqual(["subject", "body"]);
  });

  describe("rrweb-style recordings (full values, no key events)", () => {
    const fill = (s: TestSession, target: (typeof gm)[keyof typeof gm], text: string) => {
      for (let i = 1; i <= text.length; i++) s.push({ type: "input", target, value: text.slice(0, i) });
      return s;
    };

    it("sees a chip when the app clears a complete address, and a chip picked from the suggestions", async () => {
      const s = new TestSession(inbox).click(gm.compose);
      fill(s, gm.to, "zoe@example.com").push({ type: "input", target: gm.to, value: "" });
      fill(s, gm.to, "yve");
      s.click({ tag: "div", role: "option", text: "Yves Martin <yves.martin@example.com>" });
      fill(s, gm.subject, "Plan");
      fill(s, gm.body, "See you");
      s.click(gm.send);
      const [action] = await run(s);
      expect(action?.parameters).toEqual({
        to: ["zoe@example.com", "yves.martin@example.com"],
        subject: "Plan",
        body: "See you",
      });
    });

    it("commits a typed search when the person moves on, since Enter is not recorded", async () => {
      const s = new TestSession(inbox);
      fill(s, gm.search, "is:unread");
      s.click({ tag: "tr", role: "row", text: "Invoice 42" });
      fill(s, gm.search, "label:travel");
      const actions = await run(s);
      expect(actions.map((a) => [a.slug, a.parameters, a.needsReview])).toEqual([
        ["search_mail", { query: "is:unread" }, false],
        ["search_mail", { query: "label:travel" }, false],
      ]);
    });

    it("does not commit a search on moving on when key events are recorded (Enter would have been seen)", async () => {
      const s = new TestSession(inbox)
        .type(gm.search, "is:starred", "keys")
        .click({ tag: "tr", role: "row", text: "x" });
      expect(await run(s)).toEqual([]);
    });
  });
});
