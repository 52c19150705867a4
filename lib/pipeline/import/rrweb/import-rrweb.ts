import { isRecord } from "@/lib/pipeline/is-record";
import type { CanonicalEvent, EventTarget, EventType } from "@/schemas/events";
import { describeError, type ImporterContext } from "../import-issue";
import type { SourceRecord } from "../read-records";
import { editableRoot, editableText, mutatedNodeIds } from "./contenteditable-text";
import { describeNode, resolveActionTarget } from "./describe-node";
import { MirrorError, type MirrorNode, NodeMirror } from "./node-mirror";
import {
  changedShownValue,
  dialogsIn,
  dialogValues,
  isDialog,
  liveRegionOf,
  noticeText,
  prefilledFields,
  type ShownValue,
  visibilityChange,
} from "./page-outcomes";
import { collectShownZoneEvidence, mutationTexts } from "./shown-zone-evidence";

function isInside(node: MirrorNode, ancestor: MirrorNode): boolean {
  for (let current = node.parent; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

// Protocol numbers from @rrweb/types (EventType, IncrementalSource, MouseInteractions); the package's enums are
// runtime values we do not want to depend on at run time.
const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const META = 4;
const CUSTOM = 5;
const SOURCE_MUTATION = 0;
const SOURCE_MOUSE_INTERACTION = 2;
const SOURCE_SCROLL = 3;
const SOURCE_VIEWPORT_RESIZE = 4;
const SOURCE_INPUT = 5;

const mouseInteractionTypes: Record<number, EventType> = {
  0: "mouseup",
  1: "mousedown",
  2: "click",
  3: "contextmenu",
  4: "dblclick",
  5: "focus",
  6: "blur",
  7: "mousedown",
  9: "mouseup",
};

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/**
 * rrweb event streams (JSON array or NDJSON). Rebuilds the DOM mirror from full snapshots and mutations so every
 * mouse interaction, input and scroll resolves to a described element, with the page URL (Meta events) and title
 * (the snapshot's `<title>`). Values are the full field value rrweb records per input event.
 */
export async function* importRrweb(
  records: AsyncIterable<SourceRecord[]>,
  ctx: ImporterContext,
): AsyncGenerator<CanonicalEvent[]> {
  const mirror = new NodeMirror();
  const cache = new Map<number, { version: number; stamp: number; target: EventTarget }>();
  let url: string | undefined;
  let title: string | undefined;
  let pendingNavigation: CanonicalEvent | undefined;
  let seq = 0;
  /** Last value read from each contenteditable root, so only real changes become input events. */
  const editableValues = new Map<number, string>();
  /** Last text of each notice region, so a re-render of the same notice is one `appear`. */
  const notices = new Map<number, string>();

  const shown = (record: SourceRecord, ts: number, type: "appear" | "disappear", node: MirrorNode) =>
    make(record, ts, type, describeNode(node, mirror));
  const shownValues = (record: SourceRecord, ts: number, values: ShownValue[], out: CanonicalEvent[]) => {
    for (const { node, value } of values) {
      const event = shown(record, ts, "appear", node);
      event.value = value.slice(0, 1_000_000);
      out.push(event);
    }
  };
  /** Dialogs removed or hidden by a mutation, described before the mirror forgets them. */
  const closingDialogs = (data: Record<string, unknown>) => {
    const closing: MirrorNode[] = [];
    const opening: MirrorNode[] = [];
    for (const removal of Array.isArray(data.removes) ? data.removes : []) {
      const node = isRecord(removal) ? mirror.get(removal.id) : undefined;
      if (node) closing.push(...dialogsIn(node));
    }
    for (const change of Array.isArray(data.attributes) ? data.attributes : []) {
      if (!isRecord(change) || !isRecord(change.attributes)) continue;
      const node = mirror.get(change.id);
      if (!node || !isDialog(node)) continue;
      const visibility = visibilityChange(node.attrs, change.attributes);
      if (visibility === "hidden") closing.push(node);
      else if (visibility === "shown") opening.push(node);
    }
    return { closing: closing.map((node) => describeNode(node, mirror)), opening };
  };
  const pageOutcomes = (
    record: SourceRecord,
    ts: number,
    data: Record<string, unknown>,
    dialogs: ReturnType<typeof closingDialogs>,
    out: CanonicalEvent[],
  ) => {
    for (const target of dialogs.closing) out.push(make(record, ts, "disappear", target));
    const regions = new Set<MirrorNode>();
    const opened = new Set<MirrorNode>(dialogs.opening);
    for (const add of Array.isArray(data.adds) ? data.adds : []) {
      const node = isRecord(add) && isRecord(add.node) ? mirror.get(add.node.id) : undefined;
      if (!node) continue;
      const inserted = dialogsIn(node);
      for (const dialog of inserted) opened.add(dialog);
      if (inserted.length === 0) shownValues(record, ts, prefilledFields(node, 20), out);
    }
    const changedValues = new Map<MirrorNode, string>();
    const noteChange = (node: MirrorNode | undefined) => {
      const region = liveRegionOf(node);
      if (region) regions.add(region);
      const changed = changedShownValue(node);
      if (changed) changedValues.set(changed.node, changed.value);
    };
    for (const change of Array.isArray(data.texts) ? data.texts : []) {
      if (isRecord(change)) noteChange(mirror.get(change.id));
    }
    for (const add of Array.isArray(data.adds) ? data.adds : []) {
      if (isRecord(add)) noteChange(mirror.get(add.parentId));
    }
    for (const dialog of opened) {
      if (!mirror.get(dialog.id)) continue;
      out.push(shown(record, ts, "appear", dialog));
      shownValues(record, ts, dialogValues(dialog), out);
    }
    for (const [node, value] of changedValues) {
      if (![...opened].some((dialog) => dialog === node || isInside(node, dialog)))
        shownValues(record, ts, [{ node, value }], out);
    }
    for (const region of regions) {
      const text = noticeText(region) ?? "";
      if (notices.get(region.id) === text) continue;
      notices.set(region.id, text);
      if (text) out.push(shown(record, ts, "appear", region));
    }
  };

  const describeTarget = (id: unknown): EventTarget | undefined => {
    const node = mirror.get(id);
    if (!node) return undefined;
    const acted = resolveActionTarget(node);
    const cached = cache.get(acted.id);
    if (cached && cached.version === mirror.version && cached.stamp === acted.stamp) return cached.target;
    const target = describeNode(acted, mirror);
    if (cache.size > 10_000) cache.clear();
    cache.set(acted.id, { version: mirror.version, stamp: acted.stamp, target });
    return target;
  };

  // Built field by field (no spreads): this runs once per event of recordings with millions of them.
  const make = (record: SourceRecord, ts: number, type: EventType, target?: EventTarget): CanonicalEvent => {
    const event: CanonicalEvent = {
      id: `r${++seq}`,
      ts,
      type,
      source:
        record.line !== undefined
          ? { format: "rrweb", file: ctx.file, line: record.line }
          : { format: "rrweb", file: ctx.file, path: record.path },
    };
    if (url !== undefined) event.url = url;
    if (title !== undefined) event.title = title;
    if (target !== undefined) event.target = target;
    return event;
  };

  const importEvent = (record: SourceRecord, out: CanonicalEvent[]): void => {
    const event = record.value;
    if (!isRecord(event) || typeof event.type !== "number" || num(event.timestamp) === undefined) {
      ctx.log.add({
        ...(record.line !== undefined ? { line: record.line } : { path: record.path }),
        code: "invalid_event",
        message: "rrweb event needs numeric `type` and `timestamp`",
      });
      return;
    }
    const ts = event.timestamp as number;
    const data = isRecord(event.data) ? event.data : {};
    if (pendingNavigation && event.type !== FULL_SNAPSHOT) {
      out.push(pendingNavigation);
      pendingNavigation = undefined;
    }
    if (event.type === META) {
      url = typeof data.href === "string" ? data.href.slice(0, 8192) : url;
      title = undefined;
      const width = num(data.width);
      const height = num(data.height);
      pendingNavigation = make(record, ts, "navigation");
      if (width !== undefined && height !== undefined) pendingNavigation.viewport = { width, height };
      return;
    }
    if (event.type === FULL_SNAPSHOT) {
      mirror.reset(data.node);
      collectShownZoneEvidence(ctx.hints, [data.node], ts);
      cache.clear();
      editableValues.clear();
      notices.clear();
      title = mirror.getTitle()?.slice(0, 2048) || title;
      if (pendingNavigation) {
        if (title) pendingNavigation.title = title;
        out.push(pendingNavigation);
        pendingNavigation = undefined;
      }
      // Values the page filled in (a suggested pull request title, a default date) after the navigation.
      const root = isRecord(data.node) ? mirror.get(data.node.id) : undefined;
      if (root) shownValues(record, ts, prefilledFields(root), out);
      return;
    }
    if (event.type === CUSTOM) {
      const payload = isRecord(data.payload) ? data.payload : {};
      if (typeof payload.timezone === "string") {
        const meta = make(record, ts, "meta");
        meta.timezone = payload.timezone.slice(0, 64);
        out.push(meta);
      }
      return;
    }
    if (event.type !== INCREMENTAL) return;
    const source = data.source;
    if (source === SOURCE_MUTATION) {
      const dialogs = closingDialogs(data);
      mirror.applyMutation(data);
      collectShownZoneEvidence(ctx.hints, mutationTexts(data), ts);
      const newTitle = mirror.getTitle();
      if (newTitle) title = newTitle.slice(0, 2048);
      const roots = new Set<MirrorNode>();
      for (const id of mutatedNodeIds(data)) {
        const root = editableRoot(mirror.get(id));
        if (root) roots.add(root);
      }
      for (const root of roots) {
        const value = editableText(root).slice(0, 1_000_000);
        if (editableValues.get(root.id) === value) continue;
        editableValues.set(root.id, value);
        const input = make(record, ts, "input", describeTarget(root.id));
        input.value = value;
        out.push(input);
      }
      pageOutcomes(record, ts, data, dialogs, out);
      return;
    }
    if (source === SOURCE_MOUSE_INTERACTION) {
      const type = mouseInteractionTypes[num(data.type) ?? -1];
      if (!type) return;
      const interaction = make(record, ts, type, describeTarget(data.id));
      const x = num(data.x);
      const y = num(data.y);
      if (x !== undefined) interaction.x = x;
      if (y !== undefined) interaction.y = y;
      out.push(interaction);
      return;
    }
    if (source === SOURCE_INPUT) {
      const node = mirror.get(data.id);
      const input = inputEvent(node, data);
      if (!input) return;
      if (node && typeof data.isChecked === "boolean") mirror.setChecked(node, data.isChecked);
      const change = make(record, ts, input.type, describeTarget(data.id));
      if (input.value !== undefined) change.value = input.value;
      out.push(change);
      return;
    }
    if (source === SOURCE_SCROLL) {
      const node = mirror.get(data.id);
      const isDocument = !node || node.type === 0 || node.tag === "html" || node.tag === "body";
      const scroll = make(record, ts, "scroll", isDocument ? undefined : describeTarget(data.id));
      scroll.scrollX = num(data.x) ?? 0;
      scroll.scrollY = num(data.y) ?? 0;
      out.push(scroll);
      return;
    }
    if (source === SOURCE_VIEWPORT_RESIZE) {
      const width = num(data.width);
      const height = num(data.height);
      if (width === undefined || height === undefined) return;
      const meta = make(record, ts, "meta");
      meta.viewport = { width, height };
      out.push(meta);
    }
  };

  for await (const batch of records) {
    const out: CanonicalEvent[] = [];
    for (const record of batch) {
      try {
        importEvent(record, out);
      } catch (error) {
        const code = error instanceof MirrorError ? "invalid_snapshot" : "invalid_event";
        const where = record.line !== undefined ? { line: record.line } : { path: record.path };
        ctx.log.add({ ...where, code, message: describeError(error) });
      }
    }
    if (out.length > 0) yield out;
  }
  if (pendingNavigation) yield [pendingNavigation];
}

/** rrweb's Input data: `text` (the full value), `isChecked` for checkboxes/radios. */
function inputEvent(
  node: MirrorNode | undefined,
  data: Record<string, unknown>,
): { type: EventType; value?: string | null } | undefined {
  const text = typeof data.text === "string" ? data.text.slice(0, 1_000_000) : undefined;
  const isChecked = typeof data.isChecked === "boolean" ? data.isChecked : undefined;
  const inputType = node?.attrs.type?.toLowerCase();
  if (inputType === "checkbox" || inputType === "radio") {
    // rrweb also reports the radios a selection unchecked; they are not something the person did.
    if (inputType === "radio" && isChecked === false) return undefined;
    return { type: "change", value: text };
  }
  if (node?.tag === "select") return { type: "change", value: text ?? null };
  return { type: "input", value: text ?? null };
}
