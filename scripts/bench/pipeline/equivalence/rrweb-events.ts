import { maybe, pick, type Random, URLS } from "./random";

export const RRWEB_SNAPSHOT = {
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

/** One rrweb event: meta, snapshots, mutations (contenteditable, adds before parents), input, mouse, scroll. */
export function rrwebEvent(random: Random, ts: number, nextId: () => number): unknown {
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
