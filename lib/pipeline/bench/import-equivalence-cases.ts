import type { RecordingFormat } from "../import/detect-format";

/**
 * Seeded recordings that reach every branch of every importer (each record drawn from pools of realistic and
 * odd field values), for import-equivalence.ts. The fixture corpus only uses what its scenarios need.
 */

export type Random = () => number;

/** mulberry32: a seeded PRNG, so the cases are the same on every run. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Sets `key` to a value from `values`, or leaves it out when the pick is `undefined`. */
function maybe(out: Record<string, unknown>, random: Random, key: string, values: readonly unknown[]): void {
  const value = pick(random, values);
  if (value !== undefined) out[key] = value;
}

const URLS = [
  "https://mail.google.com/mail/u/0/#inbox",
  "https://github.com/octo/hello/issues/new",
  "https://calendar.google.com/calendar/u/0/r/week",
  "about:blank",
  "chrome://newtab/",
  "",
  5,
  undefined,
];

function codegenLine(random: Random): unknown {
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

function recorderStep(random: Random): unknown {
  if (random() < 0.03) return pick(random, [5, "step", null, [1]]);
  const out: Record<string, unknown> = {};
  maybe(out, random, "type", [
    "navigate",
    "click",
    "click",
    "doubleClick",
    "change",
    "change",
    "keyDown",
    "keyUp",
    "scroll",
    "setViewport",
    "waitForElement",
    "hover",
    5,
    undefined,
  ]);
  maybe(out, random, "target", ["main", "main", "popup-1", 5, undefined]);
  maybe(out, random, "selectors", [
    [["aria/Add a title"], ["#issue_title"]],
    [['aria/Create[role="button"]'], ["text/Create"], ["div.main > button"]],
    [['xpath///*[@id="q"]'], ["pierce/input[name='q']"]],
    [["aria/Password"], ["#sudo_password"]],
    [["main", "iframe"], ["aria/Frame field"]],
    [["input[type=password][name='pw']"]],
    [[], [5], "#plain"],
    "nope",
    undefined,
  ]);
  maybe(out, random, "url", URLS);
  maybe(out, random, "value", ["Crash when saving", "", "hunter2", "****", 5, undefined]);
  maybe(out, random, "key", ["Enter", "a", "", 5, undefined]);
  maybe(out, random, "offsetX", [4, 0.5, "4", undefined]);
  maybe(out, random, "offsetY", [5, Number.MAX_SAFE_INTEGER, undefined]);
  maybe(out, random, "button", ["primary", "secondary", "back", "middle", 1, undefined]);
  maybe(out, random, "x", [0, 120, "x", undefined]);
  maybe(out, random, "y", [0, 900, undefined]);
  maybe(out, random, "width", [1280, 0, "w", undefined]);
  maybe(out, random, "height", [800, undefined]);
  maybe(out, random, "assertedEvents", [
    [{ type: "navigation", url: "https://github.com/octo/hello/issues/42", title: "Issue 42" }],
    [{ type: "navigation", url: "https://github.com/octo/hello" }],
    [{ type: "navigation" }],
    [{ type: "other" }, 5],
    "x",
    undefined,
  ]);
  return out;
}

function traceEvent(random: Random, ts: number): unknown {
  if (random() < 0.02) return pick(random, [5, "x", null, { ph: "X" }, { name: "EventDispatch", ts: "1" }]);
  const frame = pick(random, ["F1", "F2", "", 5, undefined]);
  const url = pick(random, [
    "https://calendar.google.com/calendar/u/0/r/week",
    "https://calendar.google.com/calendar/u/0/r/day",
    "about:blank",
    "",
    undefined,
  ]);
  const name = pick(random, [
    "EventDispatch",
    "EventDispatch",
    "EventDispatch",
    "Screenshot",
    "navigationStart",
    "CommitLoad",
    "FrameCommittedInBrowser",
    "TracingStartedInBrowser",
    "TracingStartedInPage",
    "RenderFrameHostImpl::DidCommitSameDocumentNavigation",
    "FunctionCall",
    "thread_name",
  ]);
  const out: Record<string, unknown> = { name, ph: pick(random, ["X", "I", "O", "M"]), ts };
  maybe(out, random, "pid", [200, 200, 201, 100, undefined, "200"]);
  maybe(out, random, "tid", [7, undefined]);
  const data: Record<string, unknown> = {};
  maybe(data, random, "type", ["click", "mousedown", "keydown", "input", "auxclick", "wheel", 5, undefined]);
  if (frame !== undefined) data.frame = frame;
  if (url !== undefined) data.url = url;
  maybe(data, random, "isMainFrame", [true, true, false, undefined]);
  maybe(data, random, "isLoadingMainFrame", [true, false, undefined]);
  maybe(data, random, "documentLoaderURL", [url, "https://calendar.google.com/x", undefined]);
  maybe(data, random, "parent", [undefined, undefined, "F0"]);
  maybe(data, random, "processId", [200, 201, undefined]);
  maybe(data, random, "page", ["F1", undefined]);
  maybe(data, random, "frames", [
    [{ frame: "F1", processId: 200, url: "https://calendar.google.com/calendar/u/0/r" }],
    [{ frame: "F9", parent: "F1", processId: 201, url: "https://accounts.google.com/frame" }, 5],
    undefined,
  ]);
  const args: Record<string, unknown> = { data: pick(random, [data, data, data, 5, undefined]) };
  maybe(args, random, "snapshot", [
    "/9j/4AAQSkZJRg==",
    "/9j/4AAQSkZJRgA=",
    "/9j/4AAQSkZJRgAB",
    "",
    undefined,
  ]);
  maybe(args, random, "frame", [frame, "F1", undefined]);
  maybe(args, random, "url", [url, "https://calendar.google.com/calendar/u/0/r#search", undefined]);
  maybe(args, random, "render_frame_host", [
    { frame_type: "PRIMARY_MAIN_FRAME", process: { child_process_id: 200 } },
    { frame_type: "PRIMARY_MAIN_FRAME", process: { child_process_id: 999 } },
    { frame_type: "SUBFRAME", process: { child_process_id: 200 } },
    { frame_type: "PRIMARY_MAIN_FRAME" },
    undefined,
  ]);
  out.args = pick(random, [args, args, args, "x", undefined]);
  return out;
}

const RRWEB_SNAPSHOT = {
  type: 0,
  id: 1,
  childNodes: [
    {
      type: 2,
      id: 2,
      tagName: "HTML",
      attributes: {},
      childNodes: [
        {
          type: 2,
          id: 3,
          tagName: "head",
          attributes: {},
          childNodes: [
            {
              type: 2,
              id: 4,
              tagName: "title",
              attributes: {},
              childNodes: [{ type: 3, id: 5, textContent: "Compose - Gmail" }],
            },
          ],
        },
        {
          type: 2,
          id: 6,
          tagName: "body",
          attributes: {},
          childNodes: [
            {
              type: 2,
              id: 7,
              tagName: "label",
              attributes: { for: "f1" },
              childNodes: [{ type: 3, id: 8, textContent: "Subject" }],
            },
            {
              type: 2,
              id: 9,
              tagName: "input",
              attributes: { id: "f1", name: "subjectbox" },
              childNodes: [],
            },
            {
              type: 2,
              id: 10,
              tagName: "input",
              attributes: { type: "checkbox", "aria-label": "Remember" },
              childNodes: [],
            },
            { type: 2, id: 11, tagName: "input", attributes: { type: "radio", name: "r" }, childNodes: [] },
            { type: 2, id: 12, tagName: "select", attributes: { name: "repeat" }, childNodes: [] },
            {
              type: 2,
              id: 13,
              tagName: "input",
              attributes: { type: "password", autocomplete: "current-password" },
              childNodes: [],
            },
            {
              type: 2,
              id: 14,
              tagName: "div",
              attributes: { contenteditable: "true", role: "textbox", "aria-label": "Message Body" },
              childNodes: [{ type: 3, id: 15, textContent: "Hi\u00a0there" }],
            },
            {
              type: 2,
              id: 16,
              tagName: "div",
              attributes: { role: "button", "aria-label": "Send", "data-tooltip": "Send ‪(Ctrl-Enter)‬" },
              childNodes: [
                {
                  type: 2,
                  id: 17,
                  tagName: "span",
                  attributes: {},
                  childNodes: [{ type: 3, id: 18, textContent: "Send" }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

function rrwebEvent(random: Random, ts: number, nextId: () => number): unknown {
  if (random() < 0.02) return pick(random, [5, null, { type: "3", timestamp: ts }, { type: 3 }]);
  const kind = random();
  if (kind < 0.03)
    return { type: 4, data: { href: pick(random, URLS), width: 1280, height: 800 }, timestamp: ts };
  if (kind < 0.05)
    return { type: 2, data: pick(random, [{ node: RRWEB_SNAPSHOT }, { node: { id: "x" } }]), timestamp: ts };
  if (kind < 0.06)
    return {
      type: 5,
      data: { tag: "tz", payload: pick(random, [{ timezone: "Europe/Berlin" }, {}]) },
      timestamp: ts,
    };
  const id = pick(random, [1, 2, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 99, "9"]);
  const source = pick(random, [0, 0, 1, 2, 2, 3, 4, 5, 5, 5]);
  const data: Record<string, unknown> = { source };
  if (source === 0) {
    const added = nextId();
    data.texts = pick(random, [[{ id: 15, value: pick(random, ["Hello\u00a0world", "", "****"]) }], []]);
    data.adds = pick(random, [
      [],
      [
        {
          parentId: 14,
          nextId: null,
          node: {
            type: 2,
            id: added,
            tagName: "div",
            attributes: {},
            childNodes: [{ type: 3, id: nextId(), textContent: "line two" }],
          },
        },
      ],
      [
        {
          parentId: 14,
          nextId: null,
          node: { type: 2, id: added, tagName: "br", attributes: {}, childNodes: [] },
        },
      ],
      [{ parentId: added + 1000, nextId: null, node: { type: 3, id: nextId(), textContent: "orphan" } }],
      [
        {
          parentId: 6,
          nextId: 16,
          node: { type: 2, id: added, tagName: "label", attributes: { for: "f1" }, childNodes: [] },
        },
      ],
    ]);
    data.removes = pick(random, [[], [{ parentId: 14, id: pick(random, [15, added - 1]) }], [{ id: "x" }]]);
    data.attributes = pick(random, [
      [],
      [{ id: 16, attributes: { "aria-expanded": pick(random, ["true", "false"]) } }],
      [{ id: 9, attributes: { id: pick(random, ["f1", "f2"]), style: { color: "red" } } }],
      [{ id: 14, attributes: { contenteditable: pick(random, ["false", "true", null]) } }],
      [{ id: 10, attributes: { type: null } }],
    ]);
  } else if (source === 1) {
    data.positions = [{ x: 1, y: 2, id, timeOffset: 0 }];
  } else if (source === 2) {
    data.type = pick(random, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, "2"]);
    data.id = id;
    maybe(data, random, "x", [10, "10", undefined]);
    maybe(data, random, "y", [20, undefined]);
  } else if (source === 3) {
    data.id = id;
    maybe(data, random, "x", [0, 15, undefined]);
    maybe(data, random, "y", [0, 300, "300", undefined]);
  } else if (source === 4) {
    maybe(data, random, "width", [1280, "w", undefined]);
    maybe(data, random, "height", [800, undefined]);
  } else {
    data.id = id;
    maybe(data, random, "text", ["typed", "", "****", 5, undefined]);
    maybe(data, random, "isChecked", [true, false, "true", undefined]);
  }
  return { type: 3, data, timestamp: ts };
}

function nativeEvent(random: Random, ts: number, i: number): unknown {
  if (random() < 0.02) return pick(random, [5, "x", null, [1]]);
  const out: Record<string, unknown> = {};
  maybe(out, random, "id", [`e${i}`, `e${i}`, `e${i % 50}`, "e1~2", undefined]);
  out.timestamp = pick(random, [
    ts,
    ts,
    ts,
    new Date(ts).toISOString(),
    new Date(ts).toISOString().replace("Z", "+02:00"),
    new Date(ts).toISOString().replace("Z", "-05:30"),
  ]);
  out.type = pick(random, ["input", "input", "keydown", "click", "change", "meta", "navigation", "scroll"]);
  maybe(out, random, "url", [URLS[0], URLS[1], undefined]);
  maybe(out, random, "tab", ["t1", "t2", undefined]);
  maybe(out, random, "target", [
    { tag: "input", type: "password", name: "pw" },
    { tag: "input", attributes: { autocomplete: "new-password", "data-x": "1" } },
    { tag: "input", label: "Password" },
    { tag: "button", text: "Forgot password?" },
    { tag: "input", type: "email", label: "Email", extra: "dropped" },
    { tag: "div", role: "textbox", ariaLabel: "Message Body", contentEditable: true },
    { placeholder: "Search mail", selector: "#pin", checked: false },
    undefined,
  ]);
  maybe(out, random, "value", ["hunter2", "****", "a*b", "", null, undefined, undefined]);
  maybe(out, random, "data", ["h", "*", undefined, undefined]);
  maybe(out, random, "key", ["h", "Enter", "😀", undefined, undefined]);
  maybe(out, random, "code", ["KeyH", "Enter", undefined, undefined]);
  maybe(out, random, "timezone", ["Europe/Berlin", undefined, undefined, undefined]);
  maybe(out, random, "modifiers", [["Shift"], ["Alt", "Meta"], undefined, undefined]);
  maybe(out, random, "button", [0, 2, undefined, undefined]);
  maybe(out, random, "viewport", [{ width: 1, height: 2, depth: 3 }, undefined, undefined]);
  maybe(out, random, "screenshot", [{ byteLength: 10, mimeType: "image/png" }, undefined, undefined]);
  if (random() < 0.1) {
    // One field made invalid (or an unknown one added).
    const key = pick(random, [
      "id",
      "timestamp",
      "type",
      "url",
      "target",
      "value",
      "button",
      "modifiers",
      "extra",
    ]);
    out[key] = pick(random, ["", -1, "2026-13-40T00:00:00Z", "hover", 5, { tag: 5 }, 7, ["Ctrl"], null]);
  }
  return out;
}

/** A recording of `count` seeded records in `format`'s container (JSONL lines or a JSON document). */
export function variedRecording(format: RecordingFormat, seed: number, count: number): string {
  const random = prng(seed);
  let ts = 1_772_439_300_000;
  // Mostly increasing times with jitter, and now and then far in the past (beyond any reorder window).
  const nextTs = () => {
    ts += Math.floor(random() * 50) - 5;
    return random() < 0.01 ? ts - 1_000_000 : ts;
  };
  const records: unknown[] = [];
  if (format === "playwright-codegen") {
    records.push({
      browserName: "chromium",
      launchOptions: {},
      contextOptions: { viewport: { width: 1280, height: 720 } },
    });
    for (let i = 0; i < count; i++) records.push(codegenLine(random));
    return records.map((record) => JSON.stringify(record)).join("\n");
  }
  if (format === "native") {
    for (let i = 0; i < count; i++) records.push(nativeEvent(random, nextTs(), i));
    return records.map((record) => JSON.stringify(record)).join(random() < 0.5 ? "\n" : "\r\n");
  }
  if (format === "devtools-recorder") {
    for (let i = 0; i < count; i++) records.push(recorderStep(random));
    return JSON.stringify({ title: "varied", steps: records }, null, seed % 3);
  }
  if (format === "chrome-trace") {
    let micros = 1_000_000;
    for (let i = 0; i < count; i++) {
      micros += Math.floor(random() * 5000) - 500;
      records.push(traceEvent(random, micros));
    }
    return JSON.stringify(
      seed % 2 === 0 ? { metadata: { source: "DevTools" }, traceEvents: records } : records,
      null,
      seed % 3,
    );
  }
  let id = 100;
  const nextId = () => ++id;
  records.push({
    type: 4,
    data: { href: "https://mail.google.com/mail/u/0/#inbox", width: 1280, height: 800 },
    timestamp: ts,
  });
  records.push({
    type: 2,
    data: { node: RRWEB_SNAPSHOT, initialOffset: { left: 0, top: 0 } },
    timestamp: ts + 1,
  });
  for (let i = 0; i < count; i++) records.push(rrwebEvent(random, nextTs(), nextId));
  return JSON.stringify(records, null, seed % 3);
}
