import type { EventTarget } from "@/schemas/events";
import { getImplicitRole, interactiveRoles } from "../dom/implicit-role";
import { type MirrorNode, NODE_ELEMENT, NODE_TEXT, type NodeMirror } from "./node-mirror";

const MAX_TEXT = 300;
const MAX_ATTRS = 24;
const MAX_ATTR_LENGTH = 512;
/** How far up a click may travel from the node rrweb recorded (an icon `<span>`) to the control it belongs to. */
const MAX_CONTROL_CLIMB = 6;
const SKIPPED_TEXT_TAGS = new Set(["script", "style", "noscript", "template"]);
/** Attributes kept in `target.attributes` besides the named fields (identification, not presentation). */
const KEPT_ATTRIBUTE =
  /^(data-|aria-(?!label$|labelledby$))|^(autocomplete|title|alt|jsname|for|list|min|max|pattern)$/;

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Visible text of a subtree (text nodes in document order), capped. */
export function textOf(node: MirrorNode): string {
  let out = "";
  const stack: MirrorNode[] = [node];
  while (stack.length > 0 && out.length < MAX_TEXT * 2) {
    const current = stack.pop()!;
    if (current.type === NODE_TEXT) {
      out += `${current.text} `;
      continue;
    }
    if (current.type === NODE_ELEMENT && SKIPPED_TEXT_TAGS.has(current.tag)) continue;
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
  return normalizeSpace(out).slice(0, MAX_TEXT);
}

function roleOf(node: MirrorNode): string | undefined {
  const explicit = node.attrs.role?.trim().split(/\s+/)[0];
  return explicit || getImplicitRole(node.tag, node.attrs);
}

function isControl(node: MirrorNode): boolean {
  if (node.type !== NODE_ELEMENT) return false;
  if (["button", "a", "input", "select", "textarea", "summary", "option", "label"].includes(node.tag))
    return true;
  const editable = node.attrs.contenteditable;
  if (editable === "" || editable === "true" || editable === "plaintext-only") return true;
  const role = node.attrs.role?.trim().split(/\s+/)[0];
  return role !== undefined && interactiveRoles.has(role);
}

/** The element a person acted on: the nearest control at or above the recorded node, else the element itself. */
export function resolveActionTarget(node: MirrorNode): MirrorNode {
  let element: MirrorNode | undefined = node.type === NODE_ELEMENT ? node : node.parent;
  if (!element) return node;
  let current: MirrorNode | undefined = element;
  for (let depth = 0; current && depth <= MAX_CONTROL_CLIMB; depth++) {
    if (isControl(current)) return current;
    current = current.parent;
  }
  element = element.type === NODE_ELEMENT ? element : node;
  return element;
}

function labelText(node: MirrorNode, mirror: NodeMirror): string | undefined {
  const labelledBy = node.attrs["aria-labelledby"];
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => mirror.elementByIdAttr(id))
      .filter((el): el is MirrorNode => el !== undefined)
      .map(textOf)
      .join(" ")
      .trim();
    if (text) return text;
  }
  const idAttr = node.attrs.id;
  if (idAttr) {
    for (const label of mirror.labelsForId(idAttr)) {
      const text = textOf(label);
      if (text) return text;
    }
  }
  for (let current = node.parent, depth = 0; current && depth < 8; current = current.parent, depth++) {
    if (current.tag === "label") return textOf(current) || undefined;
  }
  return undefined;
}

function cssEscape(value: string): string {
  return value.replace(/["\\]/g, "\\$&");
}

function selectorOf(node: MirrorNode): string | undefined {
  const { id, name } = node.attrs;
  if (id && /^[A-Za-z][\w-]*$/.test(id)) return `#${id}`;
  if (id) return `${node.tag}[id="${cssEscape(id)}"]`;
  if (name) return `${node.tag}[name="${cssEscape(name)}"]`;
  const ariaLabel = node.attrs["aria-label"];
  if (ariaLabel) return `${node.tag}[aria-label="${cssEscape(ariaLabel)}"]`;
  return undefined;
}

function keptAttributes(node: MirrorNode): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  let count = 0;
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!KEPT_ATTRIBUTE.test(name)) continue;
    out ??= {};
    out[name] = value.slice(0, MAX_ATTR_LENGTH);
    if (++count >= MAX_ATTRS) break;
  }
  return out;
}

function setIf<K extends keyof EventTarget>(
  target: EventTarget,
  key: K,
  value: EventTarget[K] | undefined,
): void {
  if (value !== undefined && value !== "") target[key] = value;
}

/** Describes an element the way a person would find it: tag, role, accessible names, text. */
export function describeNode(node: MirrorNode, mirror: NodeMirror): EventTarget {
  const target: EventTarget = {};
  if (node.type !== NODE_ELEMENT) return target;
  const { attrs } = node;
  setIf(target, "tag", node.tag.slice(0, 64));
  setIf(target, "id", attrs.id?.slice(0, 512));
  setIf(target, "name", attrs.name?.slice(0, 512));
  setIf(target, "type", attrs.type?.toLowerCase().slice(0, 64));
  setIf(target, "role", roleOf(node)?.slice(0, 64));
  setIf(target, "ariaLabel", attrs["aria-label"]?.slice(0, 2048));
  setIf(target, "label", labelText(node, mirror)?.slice(0, 2048));
  setIf(target, "placeholder", (attrs.placeholder ?? attrs["aria-placeholder"])?.slice(0, 2048));
  const isButtonInput = node.tag === "input" && ["submit", "button", "reset"].includes(attrs.type ?? "");
  const text = isButtonInput ? (attrs.value ?? "") : node.tag === "input" ? "" : textOf(node);
  setIf(target, "text", text.slice(0, 4096));
  setIf(target, "selector", selectorOf(node)?.slice(0, 4096));
  setIf(target, "href", attrs.href?.slice(0, 8192));
  const editable = attrs.contenteditable;
  if (editable === "" || editable === "true" || editable === "plaintext-only") target.contentEditable = true;
  if (attrs.type === "checkbox" || attrs.type === "radio") target.checked = "checked" in attrs;
  setIf(target, "attributes", keptAttributes(node));
  return target;
}
