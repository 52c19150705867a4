/**
 * Streams a generated 1 GB recording (UPLOAD_MB, default 1024) through the local direct upload
 * (POST /v1/uploads → PUT upload_url → POST /v1/uploads/complete) of the built app and samples the server's
 * resident memory every 100 ms. Prints RSS before, peak during, and the growth. Run `next build` first.
 */
import { readRssBytes, startBenchServer } from "./bench-server";

const megabytes = Number(process.env.UPLOAD_MB ?? 1024);
const total = megabytes * 1024 * 1024;

/** NDJSON native events, generated on the fly so the client does not hold the file either. */
function generatedRecording(size: number): ReadableStream<Uint8Array> {
  const line = (i: number) =>
    `${JSON.stringify({ timestamp: 1_763_726_400_000 + i, type: "keydown", key: "a", url: "https://mail.google.com/" })}\n`;
  const encoder = new TextEncoder();
  let sent = 0;
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) {
        controller.close();
        return;
      }
      let chunk = "";
      while (chunk.length < 256 * 1024) chunk += line(index++);
      let bytes = encoder.encode(chunk);
      if (sent + bytes.byteLength > size) bytes = bytes.subarray(0, size - sent);
      sent += bytes.byteLength;
      controller.enqueue(bytes);
    },
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const server = await startBenchServer();
  try {
    const auth = { authorization: `Bearer ${server.seedKey}`, "content-type": "application/json" };
    const begin = await fetch(`${server.baseUrl}/v1/uploads`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ files: [{ file_name: "big.jsonl", size_bytes: total }] }),
    });
    const plan = (await begin.json()) as {
      session_token: string;
      uploads: { key: string; upload_url: string }[];
    };
    const slot = plan.uploads[0];
    if (!slot) throw new Error(`begin failed: ${JSON.stringify(plan)}`);

    const before = readRssBytes(server.pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, readRssBytes(server.pid));
    }, 100);
    const started = performance.now();
    const put = await fetch(`${server.baseUrl}${slot.upload_url}`, {
      method: "PUT",
      headers: { "content-type": "application/x-ndjson", "content-length": String(total) },
      body: generatedRecording(total),
      duplex: "half",
    } as RequestInit);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const stored = await put.json();
    const complete = await fetch(`${server.baseUrl}/v1/uploads/complete`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        session_token: plan.session_token,
        suite_id: "gmail",
        files: [{ key: slot.key, file_name: "big.jsonl" }],
      }),
    });
    process.stdout.write(
      `${JSON.stringify({ uploaded: mb(total), put_status: put.status, stored, complete_status: complete.status, seconds: Number(seconds.toFixed(1)), rss_before: mb(before), rss_peak: mb(peak), rss_growth: mb(peak - before) })}\n`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
