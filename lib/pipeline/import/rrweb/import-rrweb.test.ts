import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAll } from "../../../../test/helpers/stream-from";

const sample = readFileSync(new URL("../samples/github-login.rrweb.json", import.meta.url), "utf8");

describe("rrweb import", () => {
  it("resolves interactions to described elements with page url and title", async () => {
    const { format, events, issues } = await importAll(sample, { fileName: "session.json" });
    expect(format).toBe("rrweb");
    expect(events.map((e) => e.type)).toEqual([
      "navigation",
      "focus",
      "input",
      "input",
      "change",
      "mousedown",
      "mouseup",
      "click",
      "scroll",
      "navigation",
      "click",
    ]);
    const [nav, focus, login, password, remember, , , click, scroll, nav2, newRepo] = events;
    expect(nav).toMatchObject({
      url: "https://github.com/login",
      title: "Sign in to GitHub · GitHub",
      viewport: { width: 1280, height: 800 },
    });
    expect(focus?.target).toMatchObject({
      tag: "input",
      id: "login_field",
      name: "login",
      role: "textbox",
      label: "Username or email address",
      selector: "#login_field",
    });
    expect(login).toMatchObject({ value: "octocat", title: "Sign in to GitHub · GitHub" });
    expect(password).toMatchObject({ masked: true, target: { type: "password", label: "Password" } });
    expect(password).not.toHaveProperty("value");
    expect(remember?.target).toMatchObject({ role: "checkbox", label: "Keep me signed in", checked: true });
    // The click on the inner <span> resolves to the button; the later mutation added an aria-label.
    expect(click?.target).toMatchObject({
      tag: "button",
      role: "button",
      text: "Sign in",
      ariaLabel: "Sign in to your account",
    });
    expect(scroll).toMatchObject({ scrollY: 240 });
    expect(scroll).not.toHaveProperty("target");
    expect(nav2).toMatchObject({ url: "https://github.com/", title: "GitHub" });
    expect(newRepo?.target).toMatchObject({
      tag: "a",
      role: "link",
      ariaLabel: "Create new repository",
      href: "/new",
    });
    expect(newRepo?.source).toEqual({ format: "rrweb", file: "session.json", path: "$[14]" });
    expect(issues).toEqual([expect.objectContaining({ path: "$[10]", code: "invalid_event" })]);
  });

  it("reads NDJSON rrweb streams the same way", async () => {
    const ndjson = (JSON.parse(sample) as unknown[]).map((e) => JSON.stringify(e)).join("\n");
    const { format, events, issues } = await importAll(ndjson);
    expect(format).toBe("rrweb");
    expect(events).toHaveLength(11);
    expect(events[1]?.source).toMatchObject({ line: 3 });
    expect(issues).toEqual([expect.objectContaining({ line: 11, code: "invalid_event" })]);
  });

  it("accepts gzip", async () => {
    const gz = new Response(new Blob([sample]).stream().pipeThrough(new CompressionStream("gzip")));
    const bytes = new Uint8Array(await gz.arrayBuffer());
    const { format, events } = await importAll(bytes, { chunkSize: 64 });
    expect(format).toBe("rrweb");
    expect(events).toHaveLength(11);
  });
});

describe("rrweb contenteditable typing", () => {
  // A Gmail-like body: typing arrives only as text mutations, spaces as no-break spaces, new lines as <div>s.
  const events = [
    {
      type: 4,
      timestamp: 1000,
      data: { href: "https://mail.google.com/mail/u/0/#inbox", width: 1280, height: 800 },
    },
    {
      type: 2,
      timestamp: 1001,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [
            {
              type: 2,
              id: 2,
              tagName: "html",
              attributes: {},
              childNodes: [
                {
                  type: 2,
                  id: 3,
                  tagName: "body",
                  attributes: {},
                  childNodes: [
                    {
                      type: 2,
                      id: 4,
                      tagName: "div",
                      attributes: { contenteditable: "true", role: "textbox", "aria-label": "Message Body" },
                      childNodes: [{ type: 3, id: 5, textContent: "" }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    },
    {
      type: 3,
      timestamp: 1100,
      data: { source: 0, texts: [{ id: 5, value: "Hi\u00a0both," }], attributes: [], removes: [], adds: [] },
    },
    {
      type: 3,
      timestamp: 1200,
      data: {
        source: 0,
        texts: [],
        attributes: [],
        removes: [],
        adds: [
          {
            parentId: 4,
            nextId: null,
            node: { type: 2, id: 6, tagName: "div", attributes: {}, childNodes: [] },
          },
          { parentId: 6, nextId: null, node: { type: 3, id: 7, textContent: "See\u00a0you" } },
        ],
      },
    },
    {
      type: 3,
      timestamp: 1300,
      data: {
        source: 0,
        texts: [],
        attributes: [{ id: 3, attributes: { class: "x" } }],
        removes: [],
        adds: [],
      },
    },
  ];

  it("turns text mutations inside a contenteditable element into input events with the typed value", async () => {
    const { events: imported } = await importAll(JSON.stringify(events), { fileName: "gmail.json" });
    const inputs = imported.filter((e) => e.type === "input");
    expect(inputs.map((e) => e.value)).toEqual(["Hi both,", "Hi both,\nSee you"]);
    expect(inputs[1]?.target).toMatchObject({ ariaLabel: "Message Body", role: "textbox" });
  });
});
