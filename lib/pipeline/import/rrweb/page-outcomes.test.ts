import { describe, expect, it } from "vitest";
import { importAll } from "../../../../test/helpers/stream-from";

// A hand-built rrweb stream: Meta, a full snapshot with a pre-filled title and a hidden token, then mutations that
// open a dialog (class token), fill a notice, and remove the dialog.
const el = (id: number, tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({
  type: 2,
  id,
  tagName,
  attributes,
  childNodes,
});
const text = (id: number, textContent: string) => ({ type: 3, id, textContent });
const snapshot = {
  type: 0,
  id: 1,
  childNodes: [
    el(2, "html", {}, [
      el(3, "head", {}, [el(4, "title", {}, [text(5, "Comparing main...retry · octo/app · GitHub")])]),
      el(6, "body", {}, [
        el(7, "input", {
          name: "pull_request[title]",
          "aria-label": "Title",
          value: "Add retry to uploader",
        }),
        el(8, "input", { type: "hidden", name: "authenticity_token", value: "secret-token" }),
        el(9, "input", { type: "password", name: "pw", value: "hunter2" }),
        el(10, "div", { role: "dialog", class: "dialog", "aria-label": "Event details" }, [
          el(11, "button", { "aria-label": "Start date" }, [text(12, "Wednesday, December 2")]),
          el(13, "button", {}, [text(14, "Save")]),
        ]),
        el(15, "div", { role: "alert", id: "toast" }, []),
      ]),
    ]),
  ],
};
const events = [
  {
    type: 4,
    timestamp: 1000,
    data: { href: "https://github.com/octo/app/compare/main...retry", width: 1280, height: 800 },
  },
  { type: 2, timestamp: 1001, data: { node: snapshot, initialOffset: { top: 0, left: 0 } } },
  {
    type: 3,
    timestamp: 2000,
    data: {
      source: 0,
      adds: [],
      removes: [],
      texts: [],
      attributes: [{ id: 10, attributes: { class: "dialog open" } }],
    },
  },
  {
    type: 3,
    timestamp: 3000,
    data: {
      source: 0,
      adds: [{ parentId: 15, nextId: null, node: text(16, "Message sent") }],
      removes: [],
      texts: [],
      attributes: [],
    },
  },
  {
    type: 3,
    timestamp: 3500,
    data: {
      source: 0,
      adds: [],
      removes: [],
      texts: [{ id: 12, value: "Thursday, December 3" }],
      attributes: [],
    },
  },
  {
    type: 3,
    timestamp: 4000,
    data: { source: 0, adds: [], removes: [{ parentId: 6, id: 10 }], texts: [], attributes: [] },
  },
];

describe("rrweb page outcomes", () => {
  it("reports pre-filled fields, a dialog opening with its shown values, a notice and the dialog closing", async () => {
    const { events: out } = await importAll(JSON.stringify(events), { fileName: "s.json" });
    const shown = out
      .filter((e) => e.type === "appear" || e.type === "disappear")
      .map((e) => [e.type, e.target?.ariaLabel ?? e.target?.text, e.value]);
    expect(shown).toEqual([
      ["appear", "Title", "Add retry to uploader"],
      ["appear", "Event details", undefined],
      ["appear", "Start date", "Wednesday, December 2"],
      ["appear", "Message sent", undefined],
      ["appear", "Start date", "Thursday, December 3"],
      ["disappear", "Event details", undefined],
    ]);
    expect(JSON.stringify(out)).not.toContain("secret-token");
    expect(JSON.stringify(out)).not.toContain("hunter2");
  });
});
