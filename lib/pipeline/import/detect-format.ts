import { isRecord } from "@/lib/pipeline/is-record";
import { eventTypeSchema } from "@/schemas/events";
/**
 * Recording format detection from the first kilobytes of a file. Looks at structure (first JSON value's keys),
 * not at file names; the name only breaks ties. Gzip is recognised by its magic bytes and reported through
 * `isGzip` — `sniffRecording` decompresses and detects again.
 */

export const recordingFormats = [
  "native",
  "rrweb",
  "devtools-recorder",
  "chrome-trace",
  "playwright-codegen",
] as const;

export type RecordingFormat = (typeof recordingFormats)[number];

/** How many bytes of the head detection looks at. */
export const DETECT_HEAD_BYTES = 64 * 1024;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

const codegenActions = new Set([
  "navigate",
  "openPage",
  "closePage",
  "click",
  "fill",
  "press",
  "check",
  "uncheck",
  "select",
  "setInputFiles",
  "assertText",
  "assertValue",
  "assertChecked",
  "assertVisible",
  "assertSnapshot",
]);

// The native format is the canonical event model: its types are exactly the schema's.
const nativeTypes = new Set<string>(eventTypeSchema.options);

/** Classifies one record (a line of a JSONL file or an array item). */
export function classifyRecord(value: unknown): RecordingFormat | undefined {
  if (!isRecord(value)) return undefined;
  if ("browserName" in value || "launchOptions" in value || "contextOptions" in value)
    return "playwright-codegen";
  if (typeof value.ph === "string" && ("ts" in value || "name" in value)) return "chrome-trace";
  if (typeof value.type === "number" && typeof value.timestamp === "number") return "rrweb";
  if (typeof value.type === "string" && nativeTypes.has(value.type) && "timestamp" in value) return "native";
  if (
    typeof value.name === "string" &&
    codegenActions.has(value.name) &&
    ("selector" in value ||
      "url" in value ||
      "signals" in value ||
      "pageAlias" in value ||
      "pageGuid" in value)
  )
    return "playwright-codegen";
  if (Array.isArray(value.steps) && ("title" in value || value.steps.length > 0)) return "devtools-recorder";
  if (Array.isArray(value.traceEvents)) return "chrome-trace";
  return undefined;
}

function firstLine(text: string): string {
  const newline = text.indexOf("\n");
  return (newline === -1 ? text : text.slice(0, newline)).trim();
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Detects the format of a (decompressed) recording from its head. Returns undefined when unsupported. */
export function detectRecordingFormat(head: Uint8Array, fileName?: string): RecordingFormat | undefined {
  if (isGzip(head)) return undefined;
  const text = new TextDecoder()
    .decode(head.subarray(0, DETECT_HEAD_BYTES))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (text.startsWith("{")) {
    // A line format has a complete JSON object on its first line.
    const line = firstLine(text);
    const record = tryParse(line);
    const fromLine = classifyRecord(record);
    if (fromLine) return fromLine;
    if (/"traceEvents"\s*:\s*\[/.test(text)) return "chrome-trace";
    if (
      /"steps"\s*:\s*\[/.test(text) &&
      /"type"\s*:\s*"(setViewport|navigate|click|change|keyDown)"/.test(text)
    )
      return "devtools-recorder";
    if (/"steps"\s*:\s*\[/.test(text)) return "devtools-recorder";
    return fromFileName(fileName, text);
  }
  if (text.startsWith("[")) {
    // Classify the first array item when it is complete within the head, otherwise by key patterns.
    const firstItem = extractFirstItem(text);
    const fromItem = firstItem === undefined ? undefined : classifyRecord(tryParse(firstItem));
    if (fromItem) return fromItem;
    if (/"ph"\s*:\s*"/.test(text) && /"ts"\s*:/.test(text)) return "chrome-trace";
    if (/"type"\s*:\s*\d/.test(text) && /"timestamp"\s*:\s*\d/.test(text)) return "rrweb";
    return fromFileName(fileName, text);
  }
  return undefined;
}

function fromFileName(fileName: string | undefined, text: string): RecordingFormat | undefined {
  if (!fileName || text.length === 0) return undefined;
  const name = fileName.toLowerCase();
  if (name.includes("input_events")) return "native";
  if (name.includes("rrweb")) return "rrweb";
  if (name.includes("trace")) return "chrome-trace";
  return undefined;
}

/** The text of the first item of a JSON array if it ends within `text` (nesting- and string-aware). */
function extractFirstItem(text: string): string | undefined {
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === "[" || c === "{") {
      depth++;
      if (depth === 2 && start === -1) start = i;
    } else if (c === "]" || c === "}") {
      depth--;
      if (depth === 1 && start !== -1) return text.slice(start, i + 1);
      if (depth <= 0) return undefined;
    }
  }
  return undefined;
}
