/**
 * Streams the items of a JSON array — the root array, or the array under one of `arrayKeys` in a root object
 * (`{"traceEvents": [...]}`) — as text slices, each handed to `JSON.parse` by the caller.
 *
 * Why not a full streaming tokenizer: @streamparser/json (used for small documents, see read-json-document.ts)
 * builds values character by character and runs ~8x slower than `JSON.parse`; Chrome traces reach hundreds of MB.
 * This scanner only tracks nesting and string boundaries (jumping through strings with `indexOf`) to find where
 * each item starts and ends; `JSON.parse` does the actual parsing and validation of every item, so a broken item
 * is reported at its JSON path and the next one is still read. Structural damage (mismatched brackets, a truncated
 * file) stops the scan with a located issue; the items before it are kept.
 */

export interface JsonArrayItem {
  /** JSON path of the item, e.g. `$[3]` or `$.traceEvents[3]`. */
  path: string;
  index: number;
  text: string;
}

export interface JsonRootValue {
  key: string;
  text: string;
}

export interface ScanJsonArrayOptions {
  /** Keys of a root object whose array value holds the items. */
  arrayKeys?: readonly string[];
  /** Keys of a root object whose (small) values are handed back as `JsonRootValue`s, e.g. `metadata`. */
  captureKeys?: readonly string[];
  /** An item (or captured value) longer than this is skipped with an issue instead of being buffered. */
  maxItemChars?: number;
  onIssue: (issue: { path: string; code: string; message: string }) => void;
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;

type RootState = "start" | "key" | "colon" | "value" | "after-value" | "done";
type Found = JsonArrayItem | JsonRootValue;

/**
 * The scanner as a synchronous state machine (fed chunk by chunk), so the per-character loop is a plain method
 * the JIT optimises; `scanJsonArray` wraps it for async iteration.
 */
export class JsonArrayScanner {
  private readonly arrayKeys: Set<string>;
  private readonly captureKeys: Set<string>;
  private readonly maxItemChars: number;
  private readonly onIssue: ScanJsonArrayOptions["onIssue"];
  // Bracket stack of the whole document; `itemsDepth` is the stack height inside the items array (0 = none).
  private stack: number[] = [];
  private itemsDepth = 0;
  private rootIsObject = false;
  private rootState: RootState = "start";
  private key = "";
  private prefix = "$";
  private index = 0;
  private inString = false;
  private isEscapePending = false;
  // The value being collected: an array item, a captured root value, or a root key string.
  private collecting: "item" | "capture" | "skip" | "key" | undefined;
  private parts: string[] = [];
  private partsLength = 0;
  private isOversized = false;

  constructor(options: ScanJsonArrayOptions) {
    this.arrayKeys = new Set(options.arrayKeys ?? []);
    this.captureKeys = new Set(options.captureKeys ?? []);
    this.maxItemChars = options.maxItemChars ?? 64 * 1024 * 1024;
    this.onIssue = options.onIssue;
  }

  private currentPath(): string {
    return this.collecting === "item" ? `${this.prefix}[${this.index}]` : this.key ? `$.${this.key}` : "$";
  }

  private fail(code: string, message: string): void {
    this.onIssue({ path: this.currentPath(), code, message });
    this.rootState = "done";
  }

  /**
   * Fast path while inside an item: moves past strings and nested brackets and stops at the first character
   * the general state machine must see (a comma or closing bracket at item level, a bracket mismatch), or at the
   * end of the chunk (leaving `inString`/`isEscapePending` set when a string continues in the next chunk).
   */
  private skipInsideItem(chunk: string, from: number): number {
    const stack = this.stack;
    const itemsDepth = this.itemsDepth;
    const n = chunk.length;
    let i = from;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (c === QUOTE) {
        let quote = chunk.indexOf('"', i + 1);
        while (quote !== -1) {
          let k = quote - 1;
          while (k > i && chunk.charCodeAt(k) === BACKSLASH) k--;
          if ((quote - 1 - k) % 2 === 0) break;
          quote = chunk.indexOf('"', quote + 1);
        }
        if (quote === -1) {
          let k = n - 1;
          while (k > i && chunk.charCodeAt(k) === BACKSLASH) k--;
          this.inString = true;
          this.isEscapePending = (n - 1 - k) % 2 === 1;
          return n;
        }
        i = quote + 1;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        stack.push(c);
        i++;
        continue;
      }
      if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (stack.length <= itemsDepth || (stack[stack.length - 1] === OPEN_BRACE) !== (c === CLOSE_BRACE))
          return i;
        stack.pop();
        i++;
        continue;
      }
      if (c === COMMA && stack.length === itemsDepth) return i;
      i++;
    }
    return i;
  }

  /** Scans one chunk, appending the items it completes to `out`. */
  push(chunk: string, out: Found[]): void {
    if (this.rootState === "done") return;
    let start = 0;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.collecting === "item" && !this.inString) {
        i = this.skipInsideItem(chunk, i);
        if (i >= n) break;
      }
      if (this.inString) {
        if (this.isEscapePending) {
          this.isEscapePending = false;
          i++;
          continue;
        }
        // Jump to the next unescaped quote: a quote preceded by an odd run of backslashes is escaped.
        let quote = chunk.indexOf('"', i);
        while (quote !== -1) {
          let k = quote - 1;
          while (k >= i && chunk.charCodeAt(k) === BACKSLASH) k--;
          if ((quote - 1 - k) % 2 === 0) break;
          quote = chunk.indexOf('"', quote + 1);
        }
        if (quote === -1) {
          let k = n - 1;
          while (k >= i && chunk.charCodeAt(k) === BACKSLASH) k--;
          this.isEscapePending = (n - 1 - k) % 2 === 1;
          i = n;
          break;
        }
        this.inString = false;
        i = quote + 1;
        if (this.collecting === "key") {
          this.parts.push(chunk.slice(start, i));
          const raw = this.parts.join("");
          this.parts = [];
          this.partsLength = 0;
          this.collecting = undefined;
          try {
            this.key = JSON.parse(raw) as string;
          } catch {
            this.key = raw.slice(1, -1);
          }
          this.rootState = "colon";
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c <= 32) {
        i++;
        continue;
      }
      // Start of a value we care about.
      if (this.collecting === undefined) {
        if (
          this.itemsDepth > 0 &&
          this.stack.length === this.itemsDepth &&
          c !== COMMA &&
          c !== CLOSE_BRACKET
        ) {
          this.collecting = "item";
          start = i;
        } else if (this.rootIsObject && this.stack.length === 1) {
          if (this.rootState === "key" && c === QUOTE) {
            this.collecting = "key";
            start = i;
            this.inString = true;
            i++;
            continue;
          }
          if (this.rootState === "colon") {
            if (c !== COLON) {
              this.fail("malformed_json", "expected ':' after an object this.key");
              break;
            }
            this.rootState = "value";
            i++;
            continue;
          }
          if (this.rootState === "value") {
            if (c === OPEN_BRACKET && this.arrayKeys.has(this.key)) {
              this.stack.push(c);
              this.itemsDepth = this.stack.length;
              this.prefix = `$.${this.key}`;
              this.index = 0;
              this.rootState = "after-value";
              i++;
              continue;
            }
            this.collecting = this.captureKeys.has(this.key) ? "capture" : "skip";
            start = i;
          } else if (this.rootState === "after-value" && c === COMMA) {
            this.rootState = "key";
            i++;
            continue;
          }
        }
      }
      if (c === QUOTE) {
        this.inString = true;
        i++;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (this.stack.length === 0) {
          if (this.rootState !== "start") {
            this.fail("malformed_json", "unexpected data after the end of the JSON document");
            break;
          }
          this.rootIsObject = c === OPEN_BRACE;
          if (!this.rootIsObject) this.itemsDepth = 1;
          this.rootState = this.rootIsObject ? "key" : "after-value";
        }
        this.stack.push(c);
        i++;
        continue;
      }
      const isClose = c === CLOSE_BRACE || c === CLOSE_BRACKET;
      const isEndOfValue =
        this.collecting !== undefined &&
        this.collecting !== "key" &&
        (c === COMMA || isClose) &&
        this.stack.length === (this.collecting === "item" ? this.itemsDepth : 1);
      if (isEndOfValue) {
        const kind = this.collecting;
        const piece = chunk.slice(start, i);
        const valueText = (this.partsLength > 0 ? this.parts.join("") + piece : piece).trim();
        this.parts = [];
        this.partsLength = 0;
        this.collecting = undefined;
        if (this.isOversized) {
          this.onIssue({
            path: kind === "item" ? `${this.prefix}[${this.index}]` : `$.${this.key}`,
            code: "item_too_large",
            message: `value longer than ${this.maxItemChars} characters was skipped`,
          });
          this.isOversized = false;
        } else if (kind === "item") {
          out.push({ path: `${this.prefix}[${this.index}]`, index: this.index, text: valueText });
        } else if (kind === "capture") {
          out.push({ key: this.key, text: valueText });
        }
        if (kind === "item") this.index++;
        else this.rootState = c === COMMA ? "key" : "after-value";
        if (c === COMMA) {
          i++;
          continue;
        }
      }
      if (isClose) {
        const open = this.stack.pop();
        if (open === undefined || (open === OPEN_BRACE) !== (c === CLOSE_BRACE)) {
          this.fail("malformed_json", "mismatched closing bracket");
          break;
        }
        if (this.stack.length < this.itemsDepth) this.itemsDepth = 0;
        if (this.stack.length === 0) this.rootState = "done";
      } else if (this.stack.length === 0 && c !== COMMA) {
        this.fail("malformed_json", "expected a JSON array or object");
        break;
      }
      i++;
    }
    if (this.collecting !== undefined && this.rootState !== "done") {
      const piece = chunk.slice(start);
      if (!this.isOversized) {
        this.parts.push(piece);
        this.partsLength += piece.length;
        if (this.partsLength > this.maxItemChars) {
          this.isOversized = true;
          this.parts = [];
        }
      }
      start = 0;
    }
  }

  /** Reports a document that ended early. */
  end(): void {
    if (this.rootState !== "done") {
      if (this.rootState === "start")
        this.onIssue({ path: "$", code: "empty_document", message: "no JSON value" });
      else
        this.onIssue({
          path: this.currentPath(),
          code: "truncated_json",
          message: "the JSON document ends early (truncated file?); items before this point were kept",
        });
    }
  }
}

export async function* scanJsonArrayBatches(
  text: AsyncIterable<string>,
  options: ScanJsonArrayOptions,
): AsyncGenerator<Found[]> {
  const scanner = new JsonArrayScanner(options);
  for await (const chunk of text) {
    const out: Found[] = [];
    scanner.push(chunk, out);
    if (out.length > 0) yield out;
  }
  scanner.end();
}

export async function* scanJsonArray(
  text: AsyncIterable<string>,
  options: ScanJsonArrayOptions,
): AsyncGenerator<Found> {
  for await (const batch of scanJsonArrayBatches(text, options)) yield* batch;
}
