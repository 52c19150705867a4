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

export async function* scanJsonArray(
  text: AsyncIterable<string>,
  options: ScanJsonArrayOptions,
): AsyncGenerator<JsonArrayItem | JsonRootValue> {
  const arrayKeys = new Set(options.arrayKeys ?? []);
  const captureKeys = new Set(options.captureKeys ?? []);
  const maxItemChars = options.maxItemChars ?? 64 * 1024 * 1024;

  // Bracket stack of the whole document; `itemsDepth` is the stack height inside the items array (0 = none).
  const stack: number[] = [];
  let itemsDepth = 0;
  let rootIsObject = false;
  let rootState: RootState = "start";
  let key = "";
  let prefix = "$";
  let index = 0;

  let inString = false;
  let isEscapePending = false;
  // The value being collected: an array item, a captured root value, or a root key string.
  let collecting: "item" | "capture" | "skip" | "key" | undefined;
  let parts: string[] = [];
  let partsLength = 0;
  let isOversized = false;

  const currentPath = () => (collecting === "item" ? `${prefix}[${index}]` : key ? `$.${key}` : "$");
  const fail = (code: string, message: string) => {
    options.onIssue({ path: currentPath(), code, message });
    rootState = "done";
  };

  for await (const chunk of text) {
    if (rootState === "done") continue;
    let start = 0;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (inString) {
        if (isEscapePending) {
          isEscapePending = false;
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
          isEscapePending = (n - 1 - k) % 2 === 1;
          i = n;
          break;
        }
        inString = false;
        i = quote + 1;
        if (collecting === "key") {
          parts.push(chunk.slice(start, i));
          const raw = parts.join("");
          parts = [];
          partsLength = 0;
          collecting = undefined;
          try {
            key = JSON.parse(raw) as string;
          } catch {
            key = raw.slice(1, -1);
          }
          rootState = "colon";
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c <= 32) {
        i++;
        continue;
      }
      // Start of a value we care about.
      if (collecting === undefined) {
        if (itemsDepth > 0 && stack.length === itemsDepth && c !== COMMA && c !== CLOSE_BRACKET) {
          collecting = "item";
          start = i;
        } else if (rootIsObject && stack.length === 1) {
          if (rootState === "key" && c === QUOTE) {
            collecting = "key";
            start = i;
            inString = true;
            i++;
            continue;
          }
          if (rootState === "colon") {
            if (c !== COLON) {
              fail("malformed_json", "expected ':' after an object key");
              break;
            }
            rootState = "value";
            i++;
            continue;
          }
          if (rootState === "value") {
            if (c === OPEN_BRACKET && arrayKeys.has(key)) {
              stack.push(c);
              itemsDepth = stack.length;
              prefix = `$.${key}`;
              index = 0;
              rootState = "after-value";
              i++;
              continue;
            }
            collecting = captureKeys.has(key) ? "capture" : "skip";
            start = i;
          } else if (rootState === "after-value" && c === COMMA) {
            rootState = "key";
            i++;
            continue;
          }
        }
      }
      if (c === QUOTE) {
        inString = true;
        i++;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (stack.length === 0) {
          if (rootState !== "start") {
            fail("malformed_json", "unexpected data after the end of the JSON document");
            break;
          }
          rootIsObject = c === OPEN_BRACE;
          if (!rootIsObject) itemsDepth = 1;
          rootState = rootIsObject ? "key" : "after-value";
        }
        stack.push(c);
        i++;
        continue;
      }
      const isClose = c === CLOSE_BRACE || c === CLOSE_BRACKET;
      const isEndOfValue =
        collecting !== undefined &&
        collecting !== "key" &&
        (c === COMMA || isClose) &&
        stack.length === (collecting === "item" ? itemsDepth : 1);
      if (isEndOfValue) {
        const kind = collecting;
        const piece = chunk.slice(start, i);
        const valueText = (partsLength > 0 ? parts.join("") + piece : piece).trim();
        parts = [];
        partsLength = 0;
        collecting = undefined;
        if (isOversized) {
          options.onIssue({
            path: kind === "item" ? `${prefix}[${index}]` : `$.${key}`,
            code: "item_too_large",
            message: `value longer than ${maxItemChars} characters was skipped`,
          });
          isOversized = false;
        } else if (kind === "item") {
          yield { path: `${prefix}[${index}]`, index, text: valueText };
        } else if (kind === "capture") {
          yield { key, text: valueText };
        }
        if (kind === "item") index++;
        else rootState = c === COMMA ? "key" : "after-value";
        if (c === COMMA) {
          i++;
          continue;
        }
      }
      if (isClose) {
        const open = stack.pop();
        if (open === undefined || (open === OPEN_BRACE) !== (c === CLOSE_BRACE)) {
          fail("malformed_json", "mismatched closing bracket");
          break;
        }
        if (stack.length < itemsDepth) itemsDepth = 0;
        if (stack.length === 0) rootState = "done";
      } else if (stack.length === 0 && c !== COMMA) {
        fail("malformed_json", "expected a JSON array or object");
        break;
      }
      i++;
    }
    if (collecting !== undefined && rootState !== "done") {
      const piece = chunk.slice(start);
      if (!isOversized) {
        parts.push(piece);
        partsLength += piece.length;
        if (partsLength > maxItemChars) {
          isOversized = true;
          parts = [];
        }
      }
      start = 0;
    }
  }
  if (rootState !== "done") {
    if (rootState === "start")
      options.onIssue({ path: "$", code: "empty_document", message: "no JSON value" });
    else
      options.onIssue({
        path: currentPath(),
        code: "truncated_json",
        message: "the JSON document ends early (truncated file?); items before this point were kept",
      });
  }
}
