/**
 * A Web-API-only handler used to prove the edge sandbox harness: hashes the streamed request body with
 * crypto.subtle, echoes a header and params, and answers with a streamed body.
 */
export async function POST(request: Request, context: { params: Promise<Record<string, string>> }) {
  const { id } = await context.params;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    chunks.push(next.value);
    bytes += next.value.byteLength;
  }
  const body = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  return Response.json(
    {
      id,
      bytes,
      sha256,
      trace: request.headers.get("x-trace"),
      runtime: typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === "string" ? "edge" : "node",
      hasRequire: typeof (globalThis as { require?: unknown }).require === "function",
      env: (globalThis as { process?: { env: Record<string, string> } }).process?.env.SAMPLE_FLAG ?? null,
    },
    { status: 201, headers: { "x-handled-by": "edge-fixture" } },
  );
}

export function GET() {
  const encoder = new TextEncoder();
  let n = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (n === 3) return controller.close();
      controller.enqueue(encoder.encode(`line ${n++}\n`));
    },
  });
  return new Response(stream, { headers: { "content-type": "text/plain" } });
}
