import type { CanonicalEvent, EventTarget, EventType } from "@/schemas/events";
import { describeError, type ImporterContext } from "../import-issue";
import type { SourceRecord } from "../read-records";
import { describeNode, resolveActionTarget } from "./describe-node";
import { MirrorError, type MirrorNode, NodeMirror } from "./node-mirror";

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/**
 * rrweb event streams (JSON array or NDJSON). Rebuilds the DOM mirror from full snapshots and mutations so every
 * mouse interaction, input and scroll resolves to a described element, with the page URL (Meta events) and title
 * (the snapshot's `<title>`). Values are the full field value rrweb records per input event.
 */
export async function* importRrweb(
  records: AsyncIterable<SourceRecord>,
  ctx: ImporterContext,
): AsyncGenerator<CanonicalEvent> {
  const mirror = new NodeMirror();
  const cache = new Map<number, { version: number; target: EventTarget }>();
  let url: string | undefined;
  let title: string | undefined;
  let pendingNavigation: CanonicalEvent | undefined;
  let seq = 0;

  const describeTarget = (id: unknown): EventTarget | undefined => {
    const node = mirror.get(id);
    if (!node) return undefined;
    const acted = resolveActionTarget(node);
    const cached = cache.get(acted.id);
    if (cached && cached.version === mirror.version) return cached.target;
    const target = describeNode(acted, mirror);
    if (cache.size > 10_000) cache.clear();
    cache.set(acted.id, { version: mirror.version, target });
    return target;
  };

  for await (const record of records) {
    const where = record.line !== undefined ? { line: record.line } : { path: record.path };
    const event = record.value;
    if (!isRecord(event) || typeof event.type !== "number" || num(event.timestamp) === undefined) {
      ctx.log.add({
        ...where,
        code: "invalid_event",
        message: "rrweb event needs numeric `type` and `timestamp`",
      });
      continue;
    }
    const ts = event.timestamp as number;
    const data = isRecord(event.data) ? event.data : {};
    const make = (type: EventType, fields: Partial<CanonicalEvent> = {}): CanonicalEvent => ({
      id: `r${++seq}`,
      ts,
      type,
      ...(url === undefined ? {} : { url }),
      ...(title === undefined ? {} : { title }),
      ...fields,
      source: { format: "rrweb", file: ctx.file, ...where },
    });

    if (pendingNavigation && event.type !== FULL_SNAPSHOT) {
      yield pendingNavigation;
      pendingNavigation = undefined;
    }
    try {
      if (event.type === META) {
        url = typeof data.href === "string" ? data.href.slice(0, 8192) : url;
        title = undefined;
        const width = num(data.width);
        const height = num(data.height);
        pendingNavigation = make("navigation", {
          ...(width !== undefined && height !== undefined ? { viewport: { width, height } } : {}),
        });
        continue;
      }
      if (event.type === FULL_SNAPSHOT) {
        mirror.reset(data.node);
        cache.clear();
        title = mirror.getTitle()?.slice(0, 2048) || title;
        if (pendingNavigation) {
          yield { ...pendingNavigation, ...(title ? { title } : {}) };
          pendingNavigation = undefined;
        }
        continue;
      }
      if (event.type === CUSTOM) {
        const payload = isRecord(data.payload) ? data.payload : {};
        if (typeof payload.timezone === "string")
          yield make("meta", { timezone: payload.timezone.slice(0, 64) });
        continue;
      }
      if (event.type !== INCREMENTAL) continue;
      const source = data.source;
      if (source === SOURCE_MUTATION) {
        mirror.applyMutation(data);
        const newTitle = mirror.getTitle();
        if (newTitle) title = newTitle.slice(0, 2048);
        continue;
      }
      if (source === SOURCE_MOUSE_INTERACTION) {
        const type = mouseInteractionTypes[num(data.type) ?? -1];
        if (!type) continue;
        const x = num(data.x);
        const y = num(data.y);
        yield make(type, {
          target: describeTarget(data.id),
          ...(x === undefined ? {} : { x }),
          ...(y === undefined ? {} : { y }),
        });
        continue;
      }
      if (source === SOURCE_INPUT) {
        const node = mirror.get(data.id);
        const input = inputEvent(node, data);
        if (!input) continue;
        if (node && typeof data.isChecked === "boolean") mirror.setChecked(node, data.isChecked);
        yield make(input.type, { target: describeTarget(data.id), ...input.fields });
        continue;
      }
      if (source === SOURCE_SCROLL) {
        const node = mirror.get(data.id);
        const isDocument = !node || node.type === 0 || node.tag === "html" || node.tag === "body";
        yield make("scroll", {
          ...(isDocument ? {} : { target: describeTarget(data.id) }),
          scrollX: num(data.x) ?? 0,
          scrollY: num(data.y) ?? 0,
        });
        continue;
      }
      if (source === SOURCE_VIEWPORT_RESIZE) {
        const width = num(data.width);
        const height = num(data.height);
        if (width !== undefined && height !== undefined) yield make("meta", { viewport: { width, height } });
      }
    } catch (error) {
      const code = error instanceof MirrorError ? "invalid_snapshot" : "invalid_event";
      ctx.log.add({ ...where, code, message: describeError(error) });
    }
  }
  if (pendingNavigation) yield pendingNavigation;
}

/** rrweb's Input data: `text` (the full value), `isChecked` for checkboxes/radios. */
function inputEvent(
  node: MirrorNode | undefined,
  data: Record<string, unknown>,
): { type: EventType; fields: Partial<CanonicalEvent> } | undefined {
  const text = typeof data.text === "string" ? data.text.slice(0, 1_000_000) : undefined;
  const isChecked = typeof data.isChecked === "boolean" ? data.isChecked : undefined;
  const inputType = node?.attrs.type?.toLowerCase();
  if (inputType === "checkbox" || inputType === "radio") {
    // rrweb also reports the radios a selection unchecked; they are not something the person did.
    if (inputType === "radio" && isChecked === false) return undefined;
    return { type: "change", fields: { ...(text === undefined ? {} : { value: text }) } };
  }
  if (node?.tag === "select") return { type: "change", fields: { value: text ?? null } };
  return { type: "input", fields: { value: text ?? null } };
}
