// One event per ~1 KB line, mostly JSON whitespace: deflate packs it ~1000:1, as the probe's bomb did.
const line = `{"timestamp":1763726400000,"type":"click","url":"https://mail.google.com/"${" ".repeat(940)}}\n`;

/** A native JSONL .gz that inflates to `inflatedMb` MB (~1000:1, as the hardening probe's bomb did). */
export async function makeDecompressionBomb(inflatedMb: number): Promise<Uint8Array> {
  const chunk = new TextEncoder().encode(line.repeat(1024));
  let left = Math.ceil((inflatedMb * 1024 * 1024) / chunk.byteLength);
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left-- <= 0) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return new Uint8Array(
    await new Response(
      source.pipeThrough(new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>),
    ).arrayBuffer(),
  );
}
