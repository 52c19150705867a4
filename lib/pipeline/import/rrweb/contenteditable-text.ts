import type { MirrorNode } from "./node-mirror";
import { NODE_ELEMENT, NODE_TEXT } from "./node-mirror";

// rrweb records typing into a contenteditable element (Gmail's message body, Calendar's description) only as DOM
// mutations: text changes, `\u00a0` for spaces, a new <div> or <br> per line. These helpers turn the mutated
// subtree back into the value a person typed, the way `innerText` would read it.

const BLOCK_TAGS = new Set(["div", "p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr"]);

const isEditable = (node: MirrorNode) =>
  node.type === NODE_ELEMENT &&
  node.attrs.contenteditable !== undefined &&
  node.attrs.contenteditable.toLowerCase() !== "false";

/** The outermost contenteditable element containing `node` (itself included), if any. */
export function editableRoot(node: MirrorNode | undefined): MirrorNode | undefined {
  let root: MirrorNode | undefined;
  for (let current = node; current; current = current.parent) {
    if (isEditable(current)) root = current;
  }
  return root;
}

/** The element's text as `innerText` renders it: blocks and <br> become line breaks, no-break spaces spaces. */
export function editableText(root: MirrorNode): string {
  let out = "";
  const newline = () => {
    if (out.length > 0 && !out.endsWith("\n")) out += "\n";
  };
  const walk = (node: MirrorNode) => {
    if (node.type === NODE_TEXT) {
      out += node.text.replace(/\u00a0/g, " ");
      return;
    }
    if (node.type !== NODE_ELEMENT) return;
    if (node.tag === "br") {
      out += "\n";
      return;
    }
    const block = BLOCK_TAGS.has(node.tag) && node !== root;
    if (block) newline();
    for (const child of node.children) walk(child);
    if (block) newline();
  };
  walk(root);
  return out.replace(/\n+$/, "");
}

/** Ids of the nodes an rrweb mutation touched whose contenteditable ancestor may now read differently. */
export function mutatedNodeIds(data: Record<string, unknown>): unknown[] {
  const ids: unknown[] = [];
  const collect = (list: unknown, key: string) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item === "object" && item !== null && key in item)
        ids.push((item as Record<string, unknown>)[key]);
    }
  };
  collect(data.texts, "id");
  collect(data.adds, "parentId");
  collect(data.removes, "parentId");
  return ids;
}
