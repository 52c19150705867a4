import { isRecord } from "@/lib/pipeline/is-record";
/**
 * A minimal DOM mirror rebuilt from rrweb's serialized snapshot (EventType.FullSnapshot = 2) and mutation events
 * (IncrementalSource.Mutation = 0), with the indexes needed to describe a target the way a person sees it:
 * `<label for>` by id and elements by `id` (for aria-labelledby). Node type numbers are rrweb-snapshot's NodeType.
 */

export const NODE_DOCUMENT = 0;
export const NODE_ELEMENT = 2;
export const NODE_TEXT = 3;
export const NODE_CDATA = 4;

export interface MirrorNode {
  id: number;
  type: number;
  /** Lower-case tag name of elements. */
  tag: string;
  attrs: Record<string, string>;
  /** Text of text nodes. */
  text: string;
  parent: MirrorNode | undefined;
  children: MirrorNode[];
  /** Bumped when only this node's own attributes change (its cached descriptor is stale, nobody else's). */
  stamp: number;
}

/**
 * Attributes whose change can alter other nodes' descriptors (label association, the control a click resolves
 * to). Any other attribute change only affects the node itself, so the descriptor cache survives it —
 * apps toggle `aria-expanded`/`class` constantly.
 */
const SHARED_ATTRIBUTES = new Set([
  "id",
  "for",
  "role",
  "contenteditable",
  "href",
  "type",
  "aria-labelledby",
]);

function toAttributes(value: unknown): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!isRecord(value)) return attrs;
  for (const [name, attr] of Object.entries(value)) {
    if (typeof attr === "string") attrs[name.toLowerCase()] = attr;
    else if (typeof attr === "number" || typeof attr === "boolean") attrs[name.toLowerCase()] = String(attr);
  }
  return attrs;
}

/** Thrown for structurally invalid snapshot or mutation data; the importer reports it with the event's location. */
export class MirrorError extends Error {}

export class NodeMirror {
  private readonly byId = new Map<number, MirrorNode>();
  private readonly labelsFor = new Map<string, Set<MirrorNode>>();
  private readonly elementsByIdAttr = new Map<string, MirrorNode>();
  private titleElement: MirrorNode | undefined;
  /** Bumped on every change; descriptors cached against it. */
  version = 0;

  get(id: unknown): MirrorNode | undefined {
    return typeof id === "number" ? this.byId.get(id) : undefined;
  }

  get size(): number {
    return this.byId.size;
  }

  getTitle(): string | undefined {
    const title = this.titleElement;
    if (!title || !this.byId.has(title.id)) return undefined;
    return title.children
      .map((child) => child.text)
      .join("")
      .trim();
  }

  labelsForId(id: string): Iterable<MirrorNode> {
    return this.labelsFor.get(id) ?? [];
  }

  elementByIdAttr(id: string): MirrorNode | undefined {
    return this.elementsByIdAttr.get(id);
  }

  /** Replaces the whole mirror with a full snapshot's node tree. */
  reset(serializedRoot: unknown): void {
    this.byId.clear();
    this.labelsFor.clear();
    this.elementsByIdAttr.clear();
    this.titleElement = undefined;
    this.version++;
    this.buildSubtree(serializedRoot, undefined, undefined);
  }

  /** Builds a serialized subtree (iteratively: real DOMs nest deeply) and attaches it to `parent`. */
  private buildSubtree(
    serialized: unknown,
    parent: MirrorNode | undefined,
    nextSibling: MirrorNode | undefined,
  ): void {
    const stack: Array<{ value: unknown; parent: MirrorNode | undefined; before: MirrorNode | undefined }> = [
      { value: serialized, parent, before: nextSibling },
    ];
    while (stack.length > 0) {
      const { value, parent: into, before } = stack.pop()!;
      if (!isRecord(value) || typeof value.id !== "number" || typeof value.type !== "number") {
        throw new MirrorError("serialized node needs numeric `id` and `type`");
      }
      const node: MirrorNode = {
        id: value.id,
        type: value.type,
        tag: typeof value.tagName === "string" ? value.tagName.toLowerCase() : "",
        attrs: value.type === NODE_ELEMENT ? toAttributes(value.attributes) : {},
        text: typeof value.textContent === "string" ? value.textContent : "",
        parent: into,
        children: [],
        stamp: 0,
      };
      this.remove(node.id);
      this.byId.set(node.id, node);
      this.index(node);
      if (into) {
        const position = before ? into.children.indexOf(before) : -1;
        if (position === -1) into.children.push(node);
        else into.children.splice(position, 0, node);
      }
      if (Array.isArray(value.childNodes)) {
        // Pushed in reverse so children are attached in document order.
        for (let i = value.childNodes.length - 1; i >= 0; i--) {
          stack.push({ value: value.childNodes[i], parent: node, before: undefined });
        }
      }
    }
  }

  private index(node: MirrorNode): void {
    if (node.type !== NODE_ELEMENT) return;
    if (node.tag === "title" && !this.titleElement) this.titleElement = node;
    const idAttr = node.attrs.id;
    if (idAttr) this.elementsByIdAttr.set(idAttr, node);
    const forAttr = node.tag === "label" ? node.attrs.for : undefined;
    if (forAttr) {
      let labels = this.labelsFor.get(forAttr);
      if (!labels) {
        labels = new Set();
        this.labelsFor.set(forAttr, labels);
      }
      labels.add(node);
    }
  }

  private unindex(node: MirrorNode): void {
    if (node.type !== NODE_ELEMENT) return;
    if (this.titleElement === node) this.titleElement = undefined;
    const idAttr = node.attrs.id;
    if (idAttr && this.elementsByIdAttr.get(idAttr) === node) this.elementsByIdAttr.delete(idAttr);
    const forAttr = node.attrs.for;
    if (forAttr) this.labelsFor.get(forAttr)?.delete(node);
  }

  /** Removes a node and its subtree. */
  remove(id: number): void {
    const node = this.byId.get(id);
    if (!node) return;
    this.version++;
    if (node.parent) {
      const position = node.parent.children.indexOf(node);
      if (position !== -1) node.parent.children.splice(position, 1);
    }
    const stack = [node];
    while (stack.length > 0) {
      const current = stack.pop()!;
      this.byId.delete(current.id);
      this.unindex(current);
      stack.push(...current.children);
    }
  }

  /** Applies one rrweb mutation payload in the replayer's order: removes, adds, texts, attributes. */
  applyMutation(data: Record<string, unknown>): void {
    const hasStructure =
      (Array.isArray(data.removes) && data.removes.length > 0) ||
      (Array.isArray(data.adds) && data.adds.length > 0) ||
      (Array.isArray(data.texts) && data.texts.length > 0);
    if (hasStructure) this.version++;
    for (const removal of Array.isArray(data.removes) ? data.removes : []) {
      if (isRecord(removal) && typeof removal.id === "number") this.remove(removal.id);
    }
    let pending = Array.isArray(data.adds) ? data.adds.filter(isRecord) : [];
    // Adds may list a child before its parent; retry until no progress (bounded by the list length).
    while (pending.length > 0) {
      const deferred: Record<string, unknown>[] = [];
      for (const add of pending) {
        const parent = this.get(add.parentId);
        if (!parent) {
          deferred.push(add);
          continue;
        }
        this.buildSubtree(add.node, parent, this.get(add.nextId));
      }
      if (deferred.length === pending.length) break;
      pending = deferred;
    }
    for (const change of Array.isArray(data.texts) ? data.texts : []) {
      if (!isRecord(change)) continue;
      const node = this.get(change.id);
      if (node) node.text = typeof change.value === "string" ? change.value : "";
    }
    for (const change of Array.isArray(data.attributes) ? data.attributes : []) {
      if (!isRecord(change) || !isRecord(change.attributes)) continue;
      const node = this.get(change.id);
      if (!node) continue;
      this.unindex(node);
      node.stamp++;
      for (const [name, value] of Object.entries(change.attributes)) {
        if (SHARED_ATTRIBUTES.has(name.toLowerCase())) this.version++;
        // `style` changes arrive as objects; they never matter for describing a target.
        if (typeof value === "string") node.attrs[name.toLowerCase()] = value;
        else if (value === null) delete node.attrs[name.toLowerCase()];
      }
      this.index(node);
    }
  }

  /** Records the checked state an rrweb Input event reports, so later descriptors see it (values are not kept). */
  setChecked(node: MirrorNode, checked: boolean): void {
    if (checked === "checked" in node.attrs) return;
    if (checked) node.attrs.checked = "";
    else delete node.attrs.checked;
    node.stamp++;
  }
}
