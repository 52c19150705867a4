import { AppError } from "@/lib/errors";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { getExampleForWorkspace } from "./get-example";

/** The stored JSONL of a completed example as a stream; 409 while it is still being generated or failed. */
export async function openExampleMessages(input: { workspaceId: string; exampleId: string }) {
  const example = await getExampleForWorkspace(input);
  if (example.status !== "completed" || !example.storagePath) {
    throw new AppError({
      code: "conflict",
      message:
        example.status === "failed"
          ? `Example ${example.id} failed: ${example.error ?? "unknown error"}`
          : `Example ${example.id} is ${example.status}; messages are available once it is completed`,
      extensions: { status_of_example: example.status },
    });
  }
  const stream = await (await getObjectStore()).getStream(example.storagePath);
  if (!stream) throw new Error(`example ${example.id} is completed but ${example.storagePath} is missing`);
  return { stream, sizeBytes: example.sizeBytes, exampleId: example.id };
}
