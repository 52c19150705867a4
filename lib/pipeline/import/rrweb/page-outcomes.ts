import { textOf } from "./describe-node";
import { type MirrorNode, NODE_ELEMENT } from "./node-mirror";

// What the page showed, read from rrweb's DOM mirror: values the page filled in, notices, dialogs opening and
// closing. rrweb records no key events in our recordings, so a compose sent with Ctrl+Enter or a dialog confirmed
// with Enter is seen only through its outcome ("Message sent", the dialog gone); and a title the app suggested is
// submitted without being typed, so only the page shows it.

/** Input types whose value is text a person could have typed (never hidden tokens, passwords or buttons). */
const TEXT_INPUT = /^(|text|email|search|url|tel|number|date|time|datetime-local|month|week)$/;
const DIALOG_ROLES = new Set(["dialog", "alertdialog"]);
const LIVE_ROLES = new Set(["alert", "status", "log"]);
/** Class tokens apps add to show a dialog (`dialog open`, `modal show`, `is-visible`). */
const SHOWN_CLASS = /(^|\s)(open|opened|show|shown|visible|active|is-open|is-visible|in)(\s|$)/;
/** How many shown values one dialog may contribute: a dialog is a small form, not a page. */
const MAX_SHOWN_PER_DIALOG = 40;
const MAX_FIELDS_PER_SNAPSHOT = 200;

const roleOf = (node: MirrorNode) => node.attrs.role?.trim().split(/\s+/)[0] ?? "";

export function isDialog(node: MirrorNode): boolean {
  return (
    node.type === NODE_ELEMENT && (DIALOG_ROLES.has(roleOf(node)) || node.attrs["aria-modal"] === "true")
  );
}

function isLiveRegion(node: MirrorNode): boolean {
  if (node.type !== NODE_ELEMENT) return false;
  const live = node.attrs["aria-live"];
  return LIVE_ROLES.has(roleOf(node)) || live === "polite" || live === "assertive";
}

/** The notice region (`role=alert`/`status`, `aria-live`) a node is part of, if any. */
export function liveRegionOf(node: MirrorNode | undefined): MirrorNode | undefined {
  for (let current = node, depth = 0; current && depth < 8; current = current.parent, depth++) {
    if (isLiveRegion(current)) return current;
  }
  return undefined;
}

/** A field whose value the page set: a text input or textarea with a non-empty value (never a password). */
export function isPrefilledField(node: MirrorNode): boolean {
  if (node.type !== NODE_ELEMENT) return false;
  const value = node.attrs.value;
  if (value === undefined || value.trim() === "" || /^\*+$/.test(value)) return false;
  if (node.tag === "textarea") return true;
  return node.tag === "input" && TEXT_INPUT.test((node.attrs.type ?? "").toLowerCase());
}

/**
 * A labelled element showing a value next to its label, e.g. Calendar's quick-create
 * `<button aria-label="Start date">Wednesday, December 2</button>`.
 */
function shownValueOf(node: MirrorNode): string | undefined {
  if (node.type !== NODE_ELEMENT || node.tag === "input" || node.tag === "textarea") return undefined;
  // Only controls that display a value (Calendar's date and time buttons); editors and chips carry their own.
  const role = roleOf(node);
  if (role ? role !== "button" : node.tag !== "button" && node.tag !== "span" && node.tag !== "div")
    return undefined;
  if (node.attrs.contenteditable !== undefined && node.attrs.contenteditable !== "false") return undefined;
  const label = node.attrs["aria-label"]?.trim();
  if (!label) return undefined;
  const text = textOf(node);
  if (!text || text.length > 120 || text.toLowerCase() === label.toLowerCase()) return undefined;
  return text;
}

export type ShownValue = { node: MirrorNode; value: string };

/** Pre-filled fields in a subtree (a page load, an inserted form), in document order. */
export function prefilledFields(root: MirrorNode, limit = MAX_FIELDS_PER_SNAPSHOT): ShownValue[] {
  const out: ShownValue[] = [];
  const stack = [root];
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop()!;
    if (node.type === NODE_ELEMENT && (node.tag === "script" || node.tag === "style")) continue;
    if (isPrefilledField(node)) out.push({ node, value: node.attrs.value ?? "" });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/**
 * A labelled shown value that changed inside an open dialog (a time picked from a list replaces the text of
 * `<button aria-label="Start time">`): the labelled element at or a few levels above the mutated node.
 */
export function changedShownValue(node: MirrorNode | undefined): ShownValue | undefined {
  for (let current = node, depth = 0; current && depth < 4; current = current.parent, depth++) {
    if (current.type === NODE_ELEMENT && current.attrs.contenteditable !== undefined) return undefined;
    if (current.type !== NODE_ELEMENT || !current.attrs["aria-label"]) continue;
    const value = shownValueOf(current);
    if (value === undefined) return undefined;
    for (let up = current.parent, d = 0; up && d < 12; up = up.parent, d++)
      if (isDialog(up)) return { node: current, value };
    return undefined;
  }
  return undefined;
}

/** Values a dialog shows as it opens: its pre-filled fields and labelled shown values. */
export function dialogValues(dialog: MirrorNode): ShownValue[] {
  const out: ShownValue[] = [];
  const stack = [...dialog.children].reverse();
  while (stack.length > 0 && out.length < MAX_SHOWN_PER_DIALOG) {
    const node = stack.pop()!;
    if (isPrefilledField(node)) {
      out.push({ node, value: node.attrs.value ?? "" });
      continue;
    }
    const shown = shownValueOf(node);
    if (shown !== undefined) {
      out.push({ node, value: shown });
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Dialogs at or below a node (an inserted compose window, or a container holding one), shallow first. */
export function dialogsIn(root: MirrorNode, limit = 4): MirrorNode[] {
  const out: MirrorNode[] = [];
  const queue = [root];
  for (let i = 0; i < queue.length && i < 400 && out.length < limit; i++) {
    const node = queue[i]!;
    if (isDialog(node)) {
      out.push(node);
      continue;
    }
    queue.push(...node.children);
  }
  return out;
}

/**
 * Whether an attribute change showed or hid a dialog: `hidden`, `aria-hidden`, an inline `display`/`visibility`
 * (rrweb sends style changes as objects), or a class token such as `open` added or removed. Undefined: no
 * visibility change seen.
 */
export function visibilityChange(
  before: Record<string, string>,
  changed: Record<string, unknown>,
): "shown" | "hidden" | undefined {
  if ("hidden" in changed) return changed.hidden === null ? "shown" : "hidden";
  if ("aria-hidden" in changed) return changed["aria-hidden"] === "true" ? "hidden" : "shown";
  const style = changed.style;
  if (style && typeof style === "object") {
    const display = (style as Record<string, unknown>).display;
    const visibility = (style as Record<string, unknown>).visibility;
    if (display === "none" || visibility === "hidden") return "hidden";
    if (display !== undefined || visibility !== undefined) return "shown";
  } else if (typeof style === "string") {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/.test(style)) return "hidden";
    if (/display|visibility/.test(before.style ?? "")) return "shown";
  }
  if (typeof changed.class === "string" || changed.class === null) {
    const was = SHOWN_CLASS.test(before.class ?? "");
    const is = SHOWN_CLASS.test(typeof changed.class === "string" ? changed.class : "");
    if (was !== is) return is ? "shown" : "hidden";
  }
  if ("open" in changed) return changed.open === null ? "hidden" : "shown";
  return undefined;
}

/** The notice text of a live region, or undefined when it is empty (a cleared toast). */
export function noticeText(region: MirrorNode): string | undefined {
  return textOf(region) || undefined;
}
