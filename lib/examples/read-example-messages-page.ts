import { readJsonlLines } from "@/lib/pipeline/jsonl";
import { openExampleMessages } from "./open-example-messages";

/**
 * One page of a completed example's records (`offset` records skipped, at most `limit` returned), read from the
 * stored JSONL without holding the rest: the stream is cancelled once the page is full.
 */
export async function readExampleMessagesPage(input: {
  workspaceId: string;
  exampleId: string;
  offset: number;
  limit: number;
}) {
  const { stream, exampleId } = await openExampleMessages(input);
  const records: unknown[] = [];
  let seen = 0;
  let hasMore = false;
  for await (const { text } of readJsonlLines(stream)) {
    if (seen++ < input.offset) continue;
    if (records.length === input.limit) {
      hasMore = true;
      break;
    }
    records.push(JSON.parse(text));
  }
  return {
    example_id: exampleId,
    records,
    next_offset: hasMore ? input.offset + records.length : null,
  };
}
