import { z } from "zod";
import { authedRoute } from "@/lib/api/handler";
import { streamSessionTimeline } from "@/lib/explorer/stream-session-timeline";
import { timelineQuerySchema } from "@/schemas/timeline";

export const dynamic = "force-dynamic";

/** A lane of the session's timeline as NDJSON: one columnar chunk per line, streamed as it is read. */
export const GET = authedRoute({ scopes: ["read"] }, async ({ request, params, principal }) => {
  const { lane } = timelineQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const chunks = await streamSessionTimeline(principal.userId, z.string().parse(params.id), lane);
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" },
  });
});
