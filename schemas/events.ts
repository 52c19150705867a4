import { z } from "zod";
import { redactionKindSchema } from "./data-policy";
import { text } from "./text";

/**
 * Tracepipe's canonical event model: one shape that every importer (native JSONL, rrweb, DevTools Recorder,
 * Chrome trace, Playwright codegen) produces and every pipeline stage consumes. The native `input_events.jsonl`
 * format and the streaming ingest API accept exactly these objects, one per line / array item.
 */

export const eventTypeSchema = z
  .enum([
    "meta",
    "navigation",
    "focus",
    "blur",
    "mousedown",
    "mouseup",
    "click",
    "dblclick",
    "contextmenu",
    "keydown",
    "keyup",
    "input",
    "change",
    "paste",
    "submit",
    "scroll",
    "screenshot",
    "appear",
    "disappear",
  ])
  .describe(
    "What happened. `meta` carries recording-level facts (timezone, user agent, viewport). `appear` / `disappear`: what the page showed, not what the person did — a notice (`role=alert`/`status`, `aria-live`), a dialog opening or closing, a field's value the page filled in (`value`), a labelled element's shown value.",
  );

export const eventTargetSchema = z
  .object({
    tag: text().max(64).optional().describe("Lower-case tag name, e.g. `input`, `button`, `div`."),
    id: text().max(512).optional(),
    name: text().max(512).optional().describe("The element's `name` attribute."),
    type: text().max(64).optional().describe("`type` attribute of an input, e.g. `email`, `password`."),
    role: text().max(64).optional().describe("Explicit or implicit ARIA role."),
    ariaLabel: text().max(2048).optional(),
    label: text().max(2048).optional().describe("Text of the associated `<label>` or `aria-labelledby`."),
    placeholder: text().max(2048).optional(),
    text: text().max(4096).optional().describe("Visible text of the element (buttons, links, chips)."),
    selector: text().max(4096).optional().describe("A CSS selector, or `aria/…`, `text/…`, `xpath/…`."),
    href: text().max(8192).optional(),
    contentEditable: z.boolean().optional(),
    checked: z.boolean().optional(),
    attributes: z
      .record(text(), text())
      .optional()
      .describe("Other attributes worth keeping, e.g. `data-*`."),
  })
  .describe("The element an event was aimed at, described the way a person would find it.");

export const modifiersSchema = z.array(z.enum(["Alt", "Control", "Meta", "Shift"]));

export const nativeEventSchema = z
  .object({
    id: text()
      .min(1)
      .max(128)
      .optional()
      .describe(
        "Client-chosen event id, unique within the session. Required for streaming ingest; a re-sent id is a duplicate.",
      ),
    timestamp: z
      .union([z.number().nonnegative(), z.iso.datetime({ offset: true })])
      .describe("Epoch milliseconds or an ISO 8601 date-time with offset."),
    type: eventTypeSchema,
    url: text().max(8192).optional(),
    title: text().max(2048).optional(),
    tab: text().max(128).optional().describe("Tab or window identifier; events of one tab share it."),
    target: eventTargetSchema.optional(),
    value: text()
      .max(1_000_000)
      .nullable()
      .optional()
      .describe("Field value after the event (input/change)."),
    data: text().max(1_000_000).optional().describe("Inserted text of an input event (InputEvent.data)."),
    inputType: text()
      .max(64)
      .optional()
      .describe("InputEvent.inputType, e.g. `insertText`, `deleteContentBackward`."),
    key: text().max(64).optional().describe("KeyboardEvent.key"),
    code: text().max(64).optional().describe("KeyboardEvent.code"),
    modifiers: modifiersSchema.optional(),
    x: z.number().optional(),
    y: z.number().optional(),
    scrollX: z.number().optional(),
    scrollY: z.number().optional(),
    button: z.number().int().min(0).max(4).optional(),
    timezone: text().max(64).optional().describe("IANA time zone of the recording (on `meta` events)."),
    userAgent: text().max(1024).optional(),
    viewport: z.object({ width: z.number(), height: z.number() }).optional(),
    screenshot: z
      .object({
        byteLength: z.number().int().nonnegative(),
        mimeType: text().max(64).optional(),
      })
      .optional()
      .describe(
        "On `screenshot` events: size of the captured frame. The image itself stays in the source file.",
      ),
  })
  .describe("One event of Tracepipe's native `input_events.jsonl` format.");

export type NativeEvent = z.infer<typeof nativeEventSchema>;
export type EventTarget = z.infer<typeof eventTargetSchema>;
export type EventType = z.infer<typeof eventTypeSchema>;

/** Where a canonical event came from: the source format and a line number or JSON path in the source file. */
export const eventProvenanceSchema = z.object({
  format: z.enum(["native", "rrweb", "devtools-recorder", "chrome-trace", "playwright-codegen"]),
  file: text().optional(),
  line: z.number().int().positive().optional(),
  path: text().optional(),
  timeline: z
    .enum(["recorded", "synthetic", "monotonic"])
    .optional()
    .describe(
      "`synthetic`: the source has no times (DevTools Recorder, Playwright codegen) and `ts` is an invented, evenly spaced timeline; `monotonic`: a trace clock, not wall time. Absent means recorded wall-clock time.",
    ),
});

export type EventProvenance = z.infer<typeof eventProvenanceSchema>;

/**
 * A bronze event: a native event with a guaranteed id, a numeric timestamp (`ts`, epoch ms) and provenance.
 * Masked values (all `*`) have `masked: true` and are never used as parameter values; password values are
 * never kept (`value` is dropped and `masked` set).
 */
export const canonicalEventSchema = nativeEventSchema.omit({ timestamp: true }).extend({
  id: text().min(1),
  ts: z.number(),
  masked: z.boolean().optional(),
  redacted: z
    .array(redactionKindSchema)
    .optional()
    .describe("What bronze redacted in this event (the kinds, never the values)."),
  source: eventProvenanceSchema,
});

export type CanonicalEvent = z.infer<typeof canonicalEventSchema>;
