import { createWriteStream } from "node:fs";

/** Streams generated text pieces to a file in ~1 MB writes, without holding the recording in memory. */
export async function writeRecording(file: string, pieces: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let buffer: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!out.write(buffer.join(""))) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    buffer = [];
    size = 0;
  };
  for (const piece of pieces) {
    buffer.push(piece);
    size += piece.length;
    if (size > 1 << 20) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
