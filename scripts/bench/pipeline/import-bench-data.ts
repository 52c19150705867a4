import type { RecordingFormat } from "../../../lib/pipeline/import/detect-format";

/**
 * Synthetic recordings for the import bench: realistic event mixes per format, produced as text pieces so the
 * bench can stream them to a file without holding the recording in memory.
 */

const T0 = 1_772_439_300_000;
const labels = ["To", "Subject", "Title", "Description", "Search mail", "Repository name", "Add a comment"];

function pick<T>(items: readonly T[], i: number): T {
  return items[i % items.length]!;
}

function* native(count: number): Generator<string> {
  yield `${JSON.stringify({ id: "m0", timestamp: T0, type: "meta", timezone: "Europe/Berlin" })}\n`;
  for (let i = 1; i < count; i++) {
    const label = pick(labels, i >> 4);
    const kind = i % 5;
    const base = {
      id: `e${i}`,
      timestamp: kind === 0 ? new Date(T0 + i * 40).toISOString() : T0 + i * 40,
      tab: "t1",
    };
    const target = {
      tag: "input",
      role: "textbox",
      ariaLabel: label,
      name: label.toLowerCase(),
      placeholder: label,
    };
    const event =
      kind === 4
        ? {
            ...base,
            type: "click",
            url: "https://mail.google.com/mail/u/0/#inbox",
            target: { tag: "div", role: "button", text: "Send" },
            x: 10,
            y: 20,
          }
        : kind === 1
          ? { ...base, type: "keydown", key: "a", code: "KeyA", target }
          : { ...base, type: "input", value: `value ${i % 97}`, data: "a", inputType: "insertText", target };
    yield `${JSON.stringify(event)}\n`;
  }
}

function snapshotNode(): unknown {
  let id = 10;
  const fields = labels.flatMap((label, n) => [
    {
      type: 2,
      id: id++,
      tagName: "label",
      attributes: { for: `f${n}` },
      childNodes: [{ type: 3, id: id++, textContent: label }],
    },
    {
      type: 2,
      id: 100 + n,
      tagName: "input",
      attributes: { id: `f${n}`, type: "text", name: `field${n}` },
      childNodes: [],
    },
  ]);
  return {
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
              { type: 2, id: 7, tagName: "form", attributes: {}, childNodes: fields },
              {
                type: 2,
                id: 200,
                tagName: "div",
                attributes: { role: "button", "aria-label": "Send" },
                childNodes: [
                  {
                    type: 2,
                    id: 201,
                    tagName: "span",
                    attributes: {},
                    childNodes: [{ type: 3, id: 202, textContent: "Send" }],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

function* rrweb(count: number): Generator<string> {
  yield "[\n";
  yield JSON.stringify({
    type: 4,
    data: { href: "https://mail.google.com/mail/u/0/#inbox?compose=new", width: 1280, height: 800 },
    timestamp: T0,
  });
  yield `,\n${JSON.stringify({ type: 2, data: { node: snapshotNode(), initialOffset: { left: 0, top: 0 } }, timestamp: T0 + 1 })}`;
  for (let i = 2; i < count; i++) {
    const ts = T0 + i * 40;
    const field = 100 + ((i >> 5) % labels.length);
    const kind = i % 10;
    let data: unknown;
    if (kind < 6) data = { source: 5, text: `typed value ${i % 101}`, isChecked: false, id: field };
    else if (kind === 6) data = { source: 2, type: 2, id: 201, x: 100, y: 200 };
    else if (kind === 7) data = { source: 3, id: 1, x: 0, y: i % 900 };
    else if (kind === 8) data = { source: 1, positions: [{ x: 1, y: 2, id: 7, timeOffset: 0 }] };
    else
      data = {
        source: 0,
        texts: [],
        attributes: [{ id: 200, attributes: { "aria-expanded": String(i % 2 === 0) } }],
        removes: [],
        adds: [],
      };
    yield `,\n${JSON.stringify({ type: 3, data, timestamp: ts })}`;
  }
  yield "\n]\n";
}

function* devtoolsRecorder(count: number): Generator<string> {
  yield `{"title":"bench flow","steps":[\n`;
  yield JSON.stringify({ type: "navigate", url: "https://github.com/octo/hello/issues/new" });
  for (let i = 1; i < count; i++) {
    const label = pick(labels, i >> 3);
    const step =
      i % 4 === 0
        ? {
            type: "click",
            target: "main",
            selectors: [[`aria/${label}`], [`#f${i % 7}`], [`text/${label}`]],
            offsetX: 4,
            offsetY: 5,
          }
        : i % 4 === 1
          ? {
              type: "change",
              value: `value ${i % 89}`,
              selectors: [[`aria/${label}`], [`input[name="field${i % 7}"]`]],
              target: "main",
            }
          : { type: i % 4 === 2 ? "keyDown" : "keyUp", target: "main", key: "Enter" };
    yield `,\n${JSON.stringify(step)}`;
  }
  yield "\n]}\n";
}

function* chromeTrace(count: number): Generator<string> {
  yield `{"metadata":{"source":"DevTools"},"traceEvents":[\n`;
  yield JSON.stringify({
    args: {
      data: { frames: [{ frame: "F1", processId: 200, url: "https://calendar.google.com/calendar/u/0/r" }] },
    },
    cat: "disabled-by-default-devtools.timeline",
    name: "TracingStartedInBrowser",
    ph: "I",
    pid: 100,
    tid: 1,
    ts: 1_000_000,
  });
  const types = ["mousedown", "mouseup", "click", "keydown", "input", "keyup"];
  for (let i = 1; i < count; i++) {
    const ts = 1_000_000 + i * 1000;
    const kind = i % 10;
    const event =
      kind < 6
        ? {
            args: { data: { type: pick(types, i) } },
            cat: "devtools.timeline",
            name: "EventDispatch",
            ph: "X",
            dur: 40,
            pid: 200,
            tid: 7,
            ts,
          }
        : kind === 6 && i % 1000 === 6
          ? {
              args: {
                data: {
                  frame: "F1",
                  url: `https://calendar.google.com/calendar/u/0/r/day/${i}`,
                  isMainFrame: true,
                },
              },
              cat: "devtools.timeline",
              name: "CommitLoad",
              ph: "X",
              dur: 80,
              pid: 200,
              tid: 7,
              ts,
            }
          : kind === 7 && i % 100 === 7
            ? {
                args: {
                  snapshot:
                    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2Q==",
                },
                cat: "disabled-by-default-devtools.screenshot",
                id: "0x1",
                name: "Screenshot",
                ph: "O",
                pid: 100,
                tid: 1,
                ts,
              }
            : {
                args: {
                  data: {
                    functionName: "onTick",
                    url: "https://calendar.google.com/app.js",
                    lineNumber: i % 900,
                  },
                },
                cat: "devtools.timeline",
                name: "FunctionCall",
                ph: "X",
                dur: 12,
                pid: 200,
                tid: 7,
                ts,
              };
    yield `,\n${JSON.stringify(event)}`;
  }
  yield "\n]}\n";
}

function* playwrightCodegen(count: number): Generator<string> {
  yield `${JSON.stringify({ browserName: "chromium", launchOptions: { headless: false }, contextOptions: {} })}\n`;
  for (let i = 1; i < count; i++) {
    const label = pick(labels, i >> 3);
    const base = { signals: [], pageGuid: "page@1", pageAlias: "page" };
    const action =
      i % 3 === 0
        ? {
            name: "click",
            selector: `internal:role=button[name="${label}"i]`,
            button: "left",
            modifiers: 0,
            clickCount: 1,
            ...base,
          }
        : i % 3 === 1
          ? { name: "fill", selector: `internal:label="${label}"i`, text: `value ${i % 83}`, ...base }
          : { name: "navigate", url: `https://github.com/octo/hello/issues/${i}`, ...base };
    yield `${JSON.stringify(action)}\n`;
  }
}

export const benchGenerators: Record<RecordingFormat, (count: number) => Generator<string>> = {
  native,
  rrweb,
  "devtools-recorder": devtoolsRecorder,
  "chrome-trace": chromeTrace,
  "playwright-codegen": playwrightCodegen,
};

/** Whether the baseline parses the file line by line (NDJSON) or as one JSON document. */
export const isLineFormat: Record<RecordingFormat, boolean> = {
  native: true,
  rrweb: false,
  "devtools-recorder": false,
  "chrome-trace": false,
  "playwright-codegen": true,
};
