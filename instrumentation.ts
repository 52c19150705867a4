// Next calls register() once when the server process starts (never during `next build`). The embedded default
// migrates and seeds here so /v1/ready is green as soon as the server listens, and starts the local job executor.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { forwardPeerAddress } = await import("@/lib/platform/forward-peer-address");
  forwardPeerAddress();
  const { startServerProcess } = await import("@/lib/platform/start-server-process");
  const { registerEmbeddedExecutorStart } = await import("@/inngest/start-embedded-executor");
  registerEmbeddedExecutorStart();
  await startServerProcess();
}
