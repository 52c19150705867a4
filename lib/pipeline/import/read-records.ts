import { describeError, type ImporterContext } from "./import-issue";
import { type JsonArrayItem, type JsonRootValue, scanJsonArrayBatches } from "./json-array-items";
import { readLines } from "./read-lines";

/** One parsed JSON value of a recording, located by line (JSONL) or JSON path (arrays). */
export interface SourceRecord {
  value: unknown;
  line?: number;
  path?: string;
}

export interface ReadRecordsOptions {
  /** Keys of a root object that hold the record array (`traceEvents`, `events`). */
  arrayKeys?: readonly string[];
  /** Keys of a root object whose values are reported through `onRootValue` (e.g. trace `metadata`). */
  captureKeys?: readonly string[];
  onRootValue?: (key: string, value: unknown) => void;
  /**
   * Cheap test on a record's raw text before `JSON.parse`: records it rejects are skipped unparsed (and so not
   * validated). Chrome traces are mostly events no importer uses.
   */
  filter?: (text: string) => boolean;
}

/** Drops a UTF-8 byte order mark at the very start. */
async function* stripBom(text: AsyncIterable<string>): AsyncGenerator<string> {
  let isFirst = true;
  for await (const chunk of text) {
    yield isFirst ? chunk.replace(/^\uFEFF/, "") : chunk;
    isFirst = false;
  }
}

/**
 * Reads the records of a recording that is either a JSON array (`[...]`, `{"traceEvents": [...]}`) or JSONL,
 * deciding by the first character: `[` → array; `{` → JSONL unless the first line is not a complete JSON value
 * (a pretty-printed root object), which is then scanned as a document.
 */
export async function* readRecords(
  text: AsyncIterable<string>,
  ctx: ImporterContext,
  options: ReadRecordsOptions = {},
): AsyncGenerator<SourceRecord[]> {
  const iterator = text[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let head = "";
  // Buffer until the first line is complete (or 1 MB) to choose between JSONL and a JSON document.
  while (!head.includes("\n") && head.length < 1024 * 1024) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
    head += next.value;
  }
  const rest: AsyncIterable<string> = {
    async *[Symbol.asyncIterator]() {
      yield* buffered;
      while (true) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    },
  };
  const trimmed = head.replace(/^\uFEFF/, "").trimStart();
  const firstLine = trimmed.split("\n", 1)[0] ?? "";
  const isLines =
    trimmed.startsWith("{") && isCompleteJson(firstLine) && !isDocumentObject(firstLine, options);
  if (isLines) {
    yield* readJsonLines(rest, ctx, options.filter);
    return;
  }
  const batches = scanJsonArrayBatches(stripBom(rest), {
    arrayKeys: options.arrayKeys,
    captureKeys: options.captureKeys,
    onIssue: (issue) => ctx.log.add(issue),
  });
  for await (const items of batches) {
    const records: SourceRecord[] = [];
    for (const item of items) {
      if ("key" in item) {
        handleRootValue(item, ctx, options);
        continue;
      }
      if (options.filter && !options.filter(item.text)) continue;
      const value = parseItem(item, ctx);
      if (value !== undefined) records.push({ value, path: item.path });
    }
    if (records.length > 0) yield records;
  }
}

function isCompleteJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** A one-line root object that wraps the records (`{"traceEvents":[...]}` on one line) is a document, not JSONL. */
function isDocumentObject(line: string, options: ReadRecordsOptions): boolean {
  const value: unknown = JSON.parse(line);
  if (typeof value !== "object" || value === null) return false;
  return (options.arrayKeys ?? []).some((key) => Array.isArray((value as Record<string, unknown>)[key]));
}

function parseItem(item: JsonArrayItem, ctx: ImporterContext): unknown {
  try {
    return JSON.parse(item.text);
  } catch (error) {
    ctx.log.add({ path: item.path, code: "invalid_json", message: describeError(error) });
    return undefined;
  }
}

function handleRootValue(item: JsonRootValue, ctx: ImporterContext, options: ReadRecordsOptions): void {
  try {
    options.onRootValue?.(item.key, JSON.parse(item.text));
  } catch (error) {
    ctx.log.add({ path: `$.${item.key}`, code: "invalid_json", message: describeError(error) });
  }
}

export async function* readJsonLines(
  text: AsyncIterable<string>,
  ctx: ImporterContext,
  filter?: (text: string) => boolean,
): AsyncGenerator<SourceRecord[]> {
  const lines = readLines(text, {
    onTooLong: (line) => ctx.log.add({ line, code: "line_too_long", message: "line too long; skipped" }),
  });
  for await (const { first, texts } of lines) {
    const records: SourceRecord[] = [];
    for (let i = 0; i < texts.length; i++) {
      const line = first + i;
      const lineText = texts[i] as string;
      if (lineText.trim().length === 0 || (filter && !filter(lineText))) continue;
      try {
        records.push({ value: JSON.parse(lineText), line });
      } catch (error) {
        ctx.log.add({ line, code: "invalid_json", message: describeError(error) });
      }
    }
    if (records.length > 0) yield records;
  }
}
