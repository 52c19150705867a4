import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAll } from "../../../../test/helpers/stream-from";
import { describePlaywrightSelector } from "./parse-playwright-locator";

const sample = readFileSync(new URL("../samples/gmail-send.codegen.jsonl", import.meta.url), "utf8");

describe("Playwright codegen JSONL import", () => {
  it("turns actions into events with role/name/label targets", async () => {
    const { format, events, issues } = await importAll(sample, { fileName: "codegen.jsonl" });
    expect(format).toBe("playwright-codegen");
    expect(events.map((e) => e.type)).toEqual([
      "meta",
      "navigation",
      "click",
      "click",
      "input",
      "keydown",
      "keyup",
      "input",
      "input",
      "change",
      "click",
      "navigation",
    ]);
    const [meta, nav, compose, , to, enter, , subject, body, confidential, send, sent] = events;
    expect(meta?.viewport).toEqual({ width: 1280, height: 720 });
    expect(nav).toMatchObject({ url: "https://mail.google.com/mail/u/0/#inbox", tab: "page" });
    expect(compose?.target).toMatchObject({ role: "button", text: "Compose", ariaLabel: "Compose" });
    expect(compose).toMatchObject({ url: "https://mail.google.com/mail/u/0/#inbox", button: 0 });
    expect(to).toMatchObject({
      value: "bob@example.com",
      target: { role: "combobox", label: "To recipients" },
    });
    expect(enter).toMatchObject({ key: "Enter" });
    expect(subject?.target).toMatchObject({ placeholder: "Subject" });
    expect(body).toMatchObject({ value: "Hi Bob,\nare you free?", target: { label: "Message Body" } });
    expect(confidential?.target).toMatchObject({ id: "confidential", checked: true });
    expect(send).toMatchObject({
      modifiers: ["Control"],
      target: { role: "button", text: "Send ‪(Ctrl-Enter)‬" },
    });
    expect(sent).toMatchObject({ url: "https://mail.google.com/mail/u/0/#sent" });
    expect(events.every((e) => e.source.timeline === "synthetic")).toBe(true);
    expect(issues).toEqual([
      expect.objectContaining({ line: 10, path: "$.text", code: "invalid_action" }),
      expect.objectContaining({ line: 11, code: "invalid_action" }),
    ]);
  });

  it("parses Playwright selector engines", () => {
    expect(describePlaywrightSelector('internal:label="Subject"i')).toMatchObject({ label: "Subject" });
    expect(describePlaywrightSelector('internal:text="Send"s')).toMatchObject({ text: "Send" });
    expect(describePlaywrightSelector('internal:testid=[data-testid="save"s]')).toMatchObject({
      attributes: { "data-testid": "save" },
    });
    expect(
      describePlaywrightSelector('#form >> internal:role=textbox[name="Title \\"quoted\\""i]'),
    ).toMatchObject({
      role: "textbox",
      label: 'Title "quoted"',
    });
    expect(describePlaywrightSelector("input[name='q']")).toMatchObject({ tag: "input", name: "q" });
  });
});
