import { JSONParser } from "@streamparser/json";
import { describeError, type ImporterContext } from "./import-issue";

export interface DocumentValue {
  /** JSON path, e.g. `$.steps[3]` or `$.title`. */
  path: string;
  value: unknown;
}

/**
 * Streams the values at `paths` (jsonpath subset: `$.title`, `$.steps.*`) of one JSON document with
 * @streamparser/json, which never holds emitted values (`keepStack: false`). Used for small-to-medium documents
 * (DevTools Recorder flows); see json-array-items.ts for the fast path used on huge arrays.
 */
export async function* readJsonDocument(
  text: AsyncIterable<string>,
  paths: string[],
  ctx: ImporterContext,
): AsyncGenerator<DocumentValue> {
  const parser = new JSONParser({ paths, keepStack: false });
  let queue: DocumentValue[] = [];
  let failure: string | undefined;
  parser.onValue = ({ value, key, stack }) => {
    const names = stack.slice(1).map((element) => element.key);
    const segments = [...names, key].filter((segment) => segment !== undefined);
    const path = segments.reduce<string>(
      (out, segment) => (typeof segment === "number" ? `${out}[${segment}]` : `${out}.${segment}`),
      "$",
    );
    queue.push({ path, value });
  };
  parser.onError = (error) => {
    failure ??= describeError(error);
  };
  let lastPath = "$";
  for await (const chunk of text) {
    if (failure !== undefined) break;
    parser.write(chunk);
    for (const item of queue) {
      lastPath = item.path;
      yield item;
    }
    queue = [];
  }
  if (failure === undefined && !parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      failure = describeError(error);
    }
    yield* queue;
  }
  if (failure !== undefined) {
    ctx.log.add({
      path: lastPath,
      code: "malformed_json",
      message: `${failure} (after ${lastPath}; values before it were kept)`,
    });
  }
}
