/** One parsed Server-Sent Events block: a comment-only block (heartbeat) has `comments` and no `event`. */
export interface ServerSentEvent {
  id?: string;
  event?: string;
  data?: string;
  comments: string[];
}

/** Parses blocks as a browser's EventSource does (fields split on the first colon, one optional space). */
export function parseServerSentEvents(text: string): ServerSentEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.length > 0)
    .map((block) => {
      const parsed: ServerSentEvent = { comments: [] };
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) {
          parsed.comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id" || field === "event") parsed[field] = value;
        if (field === "data") parsed.data = parsed.data === undefined ? value : `${parsed.data}\n${value}`;
      }
      return parsed;
    });
}

/** Reads a stream's complete blocks as they arrive; `next(predicate)` waits for the first new block matching. */
export function readServerSentEvents(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const received: ServerSentEvent[] = [];
  let buffer = "";
  let consumed = 0;
  const pull = async (): Promise<boolean> => {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += decoder.decode(value, { stream: true });
    const end = buffer.lastIndexOf("\n\n");
    if (end !== -1) {
      received.push(...parseServerSentEvents(buffer.slice(0, end + 2)));
      buffer = buffer.slice(end + 2);
    }
    return true;
  };
  return {
    received,
    /** Waits for the next block matching `predicate`, skipping others; rejects after `timeoutMs`. */
    async next(predicate: (event: ServerSentEvent) => boolean, timeoutMs = 10_000): Promise<ServerSentEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (consumed < received.length) {
          const candidate = received[consumed++] as ServerSentEvent;
          if (predicate(candidate)) return candidate;
        }
        if (Date.now() > deadline) throw new Error("No matching server-sent event in time");
        const timeout = new Promise<"timeout">((resolve) =>
          setTimeout(() => resolve("timeout"), Math.max(1, deadline - Date.now())),
        );
        const more = await Promise.race([pull(), timeout]);
        if (more === false) throw new Error("The stream ended");
      }
    },
    cancel: () => reader.cancel(),
  };
}
