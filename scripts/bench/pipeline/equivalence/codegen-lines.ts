import { maybe, pick, type Random, URLS } from "./random";

/** One Playwright codegen JSONL record drawn from every action kind, selector engine, locator and odd value. */
export function codegenLine(random: Random): unknown {
  if (random() < 0.03) return pick(random, [5, "text", [1], null]);
  if (random() < 0.03) {
    return {
      browserName: "chromium",
      contextOptions: pick(random, [{ viewport: { width: 800, height: 600 } }, {}]),
    };
  }
  const out: Record<string, unknown> = {};
  maybe(out, random, "name", [
    "navigate",
    "openPage",
    "closePage",
    "click",
    "click",
    "fill",
    "fill",
    "press",
    "check",
    "uncheck",
    "select",
    "setInputFiles",
    "assertText",
    "somethingElse",
    5,
    undefined,
  ]);
  maybe(out, random, "selector", [
    'internal:role=button[name="Send"i]',
    'internal:role=textbox[name="To \\"x\\""s]',
    'internal:label="Password"i',
    'internal:text="Hello"i',
    'internal:attr=[placeholder="Search mail"i]',
    'internal:attr=[title="Close"s]',
    'internal:testid=[data-testid="submit"s]',
    "css=div.main > a#new",
    "#issue_title",
    "xpath=//a",
    'internal:role=listitem >> nth=0 >> internal:role=link[name="Issues"i]',
    'text="A >> B"',
    42,
    undefined,
  ]);
  maybe(out, random, "locator", [
    null,
    { kind: "role", body: "button", options: { name: "Send", exact: false } },
    { kind: "role", body: "textbox", options: { name: "Subject" } },
    { kind: "label", body: "To" },
    { kind: "placeholder", body: "Search" },
    { kind: "text", body: "Create" },
    { kind: "alt", body: "logo" },
    { kind: "test-id", body: "x" },
    { kind: "default", body: "input[name='q']" },
    { kind: "nth", body: "0", next: { kind: "role", body: "link", options: { name: "Home" } } },
    { kind: "role", body: "list", next: { kind: "first", next: { kind: "label", body: "Deep" } } },
    { kind: 5 },
    undefined,
  ]);
  maybe(out, random, "url", URLS);
  maybe(out, random, "text", ["hello", "", "p@ss", 5, undefined]);
  maybe(out, random, "key", ["Enter", "a", "Control+a", "", 5, undefined]);
  maybe(out, random, "modifiers", [0, 1, 2, 3, 8, 15, -1, "2", undefined]);
  maybe(out, random, "button", ["left", "right", "middle", "back", 1, undefined]);
  maybe(out, random, "clickCount", [1, 2, 3, undefined]);
  maybe(out, random, "options", [["a", "b"], [1, "x"], "a", undefined]);
  maybe(out, random, "files", [["a.txt"], [], [null, "b.png"], undefined]);
  maybe(out, random, "signals", [
    [],
    [{ name: "navigation", url: "https://github.com/octo/hello/issues/7" }],
    [
      { name: "popup", popupAlias: "page1" },
      { name: "navigation", url: "https://x.test/" },
    ],
    [
      { name: "navigation", url: "https://x.test/1" },
      { name: "navigation", url: "https://x.test/2" },
    ],
    ["x", { name: "navigation", url: "https://x.test/3" }],
    [{ name: "navigation", url: 5 }],
    "signals",
    undefined,
  ]);
  maybe(out, random, "pageAlias", ["page", "page1", "", 5, undefined]);
  maybe(out, random, "pageGuid", ["page@1", "page@2", undefined]);
  return out;
}
