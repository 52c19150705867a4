/** Compiles for the edge, but uses the Node-only `Buffer` global, which the sandbox does not provide. */
export function GET() {
  return new Response(Buffer.from("hi").toString("base64"));
}
