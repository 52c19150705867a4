import { describe, expect, it } from "vitest";
import { TestSession } from "../../../test/helpers/test-session";
import { SilverBuilder } from "./build-silver";
import { buildInteractions, mergeRatiosOf } from "./silver-stream";

const field = { tag: "input", name: "title", ariaLabel: "Title" };
const page = "https://example.com/form";
const kinds = (s: TestSession) => buildInteractions(s.events).map((i) => i.kind);

describe("silver", () => {
  it("merges a keydown/input/keyup run into one typed value and keeps every raw event id", () => {
    const s = new TestSession(page).type(field, "helo\blo");
    const builder = new SilverBuilder();
    const interactions = buildInteractions(s.events, builder);
    const typed = interactions.filter((i) => i.kind === "type");
    expect(typed).toHaveLength(1);
    expect(typed[0]?.value).toBe("hello");
    const typingIds = s.events.filter((e) => e.type !== "navigation").map((e) => e.id);
    expect(typed[0]?.eventIds).toEqual(typingIds);
    const ratios = mergeRatiosOf(builder.counts);
    expect(ratios.type).toEqual({ events: typingIds.length, interactions: 1, ratio: typingIds.length });
  });

  it("replaces a selected value (Ctrl+A then typing) in key-only and InputEvent modes", () => {
    for (const mode of ["keys", "data"] as const) {
      const s = new TestSession(page).type(field, "old text", mode).press(field, "a", ["Control"]);
      s.type(field, "new", mode);
      const typed = buildInteractions(s.events).filter((i) => i.kind === "type");
      expect(typed.at(-1)?.value).toBe("new");
    }
  });

  it("appends pasted text", () => {
    const s = new TestSession(page).type(field, "id: ", "keys");
    s.push({ type: "paste", target: field, data: "XYZ-1" });
    expect(buildInteractions(s.events).find((i) => i.kind === "type")?.value).toBe("id: XYZ-1");
  });

  it("turns mousedown/mouseup/click into one click and two clicks + dblclick into one double click", () => {
    const button = { tag: "button", text: "Go" };
    const s = new TestSession(page).click(button).wait(2000).click(button).click(button);
    s.push({ type: "dblclick", target: button });
    expect(kinds(s)).toEqual(["navigate", "click", "dblclick"]);
    const interactions = buildInteractions(s.events);
    expect(interactions[1]?.eventIds).toHaveLength(3);
    expect(interactions[2]?.eventIds).toHaveLength(7);
  });

  it("collapses scroll bursts and separates bursts by a pause", () => {
    const s = new TestSession(page).scroll(20).wait(5000).scroll(3);
    const scrolls = buildInteractions(s.events).filter((i) => i.kind === "scroll");
    expect(scrolls.map((i) => i.eventIds.length)).toEqual([20, 3]);
  });

  it("joins a checkbox click with its change and records select choices", () => {
    const box = { tag: "input", type: "checkbox", id: "private", label: "Private" };
    const select = { tag: "select", name: "visibility" };
    const s = new TestSession(page).choose(box, "on", true);
    s.push({ type: "change", target: select, value: "internal" });
    const interactions = buildInteractions(s.events);
    expect(interactions.map((i) => [i.kind, i.value, i.checked])).toEqual([
      ["navigate", undefined, undefined],
      ["check", "on", true],
      ["select", "internal", undefined],
    ]);
    expect(interactions[1]?.eventIds).toHaveLength(4);
  });

  it("emits Enter and Escape presses with the field value at that moment, and submits", () => {
    const search = { tag: "input", name: "q", ariaLabel: "Search" };
    const s = new TestSession(page).type(search, "cats").press(search, "Enter").submit();
    const interactions = buildInteractions(s.events);
    expect(interactions.map((i) => i.kind)).toEqual(["navigate", "type", "press", "submit"]);
    expect(interactions[2]).toMatchObject({ key: "Enter", value: "cats" });
  });

  it("keeps chips of a recipients field and flags masked input without keeping its value", () => {
    const to = { tag: "input", role: "combobox", ariaLabel: "To recipients" };
    const password = { tag: "input", type: "password", name: "password" };
    const s = new TestSession(page).type(to, "a@b.co").commitChip(to).type(to, "c@d.co").blur(to);
    s.push({ type: "input", target: password, masked: true });
    const typed = buildInteractions(s.events).filter((i) => i.kind === "type");
    expect(typed[0]).toMatchObject({ chips: ["a@b.co", "c@d.co"], value: "" });
    expect(typed[1]).toMatchObject({ masked: true });
    expect(typed[1]).not.toHaveProperty("value");
  });

  it("takes the recording's time zone from a meta event and separates tabs", () => {
    const a = new TestSession(page, { tab: "a", timezone: "America/New_York" }).type(field, "one");
    const b = new TestSession(page, { tab: "b", start: Date.UTC(2025, 10, 20, 15, 0, 1) }).type(field, "two");
    const merged = [...a.events, ...b.events.map((e) => ({ ...e, id: `b${e.id}` }))].sort(
      (x, y) => x.ts - y.ts,
    );
    const builder = new SilverBuilder();
    const typed = buildInteractions(merged, builder).filter((i) => i.kind === "type");
    expect(typed.map((i) => [i.tab, i.value])).toEqual([
      ["a", "one"],
      ["b", "two"],
    ]);
    expect(builder.timezone).toBe("America/New_York");
  });

  it("folds modifier keys logged as separate steps into the next key, unless the source states modifiers itself", () => {
    const body = { tag: "div", role: "textbox", ariaLabel: "Message Body", contentEditable: true };
    const s = new TestSession(page).type(body, "hi", "keys");
    s.push({ type: "keydown", target: body, key: "Control" });
    s.push({ type: "keydown", target: body, key: "Enter" });
    s.push({ type: "keyup", target: body, key: "Enter" });
    s.push({ type: "keyup", target: body, key: "Control" });
    s.push({ type: "keydown", target: body, key: "Enter" });
    const presses = buildInteractions(s.events).filter((i) => i.kind === "press");
    expect(presses.map((p) => p.modifiers)).toEqual([["Control"]]);

    // A recorder that puts `modifiers` on keys and logs no keyups: a lone Control keydown must not stick.
    const t = new TestSession(page);
    t.push({ type: "keydown", target: field, key: "Control", modifiers: ["Control"] });
    t.push({ type: "keydown", target: field, key: "a", modifiers: ["Control"] });
    t.push({ type: "keydown", target: field, key: "Enter" });
    expect(
      buildInteractions(t.events)
        .filter((i) => i.kind === "press")
        .map((p) => p.modifiers),
    ).toEqual([undefined]);
  });

  it("commits chips only in fields named for addresses, not in other comboboxes such as time pickers", () => {
    const time = { tag: "input", role: "combobox", ariaLabel: "Start time" };
    const s = new TestSession(page).type(time, "2:30pm").press(time, "Enter");
    const typed = buildInteractions(s.events).filter((i) => i.kind === "type");
    expect(typed.at(-1)).toMatchObject({ value: "2:30pm" });
    expect(typed.at(-1)).not.toHaveProperty("chips");
  });

  it("does not split a click by the focus the browser fires between mousedown and mouseup", () => {
    const input = { tag: "input", name: "q" };
    const s = new TestSession(page);
    s.push({ type: "mousedown", target: input });
    s.push({ type: "focus", target: input });
    s.push({ type: "mouseup", target: input });
    s.push({ type: "click", target: input });
    expect(kinds(s)).toEqual(["navigate", "click"]);
  });

  it("never keeps a value typed into a field named like a password, even when the source gives no input type", () => {
    const password = { tag: "input", label: "Password" };
    const otp = {
      tag: "input",
      ariaLabel: "Authentication code",
      attributes: { autocomplete: "one-time-code" },
    };
    const s = new TestSession(page)
      .fill(password, "correct-horse-battery-staple")
      .press(password, "Enter")
      .type(otp, "123456");
    const interactions = buildInteractions(s.events);
    expect(JSON.stringify(interactions)).not.toContain("correct-horse-battery-staple");
    expect(JSON.stringify(interactions)).not.toContain("123456");
    expect(interactions.filter((i) => i.kind === "type").every((i) => i.masked)).toBe(true);
  });
});
