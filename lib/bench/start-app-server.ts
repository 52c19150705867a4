import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface AppServer {
  baseUrl: string;
  dataDir: string;
  stop: () => Promise<void>;
}

/** Starts the built app (`next start`) on a free port with a fresh embedded data folder, for benchmarks. */
export async function startAppServer(
  env: Record<string, string> = {},
  port = 3300 + Math.floor(Math.random() * 500),
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-bench-"));
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      TRACEPIPE_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("the app did not become ready within 120 s");
    try {
      if ((await fetch(`${baseUrl}/v1/ready`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    dataDir,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  } satisfies AppServer;
}
