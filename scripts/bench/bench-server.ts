import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface BenchServer {
  baseUrl: string;
  pid: number;
  seedKey: string;
  stop: () => Promise<void>;
  /** kill -9: no shutdown, the data directory stays (a crash, for durability probes). */
  kill: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function randomSeedKey(): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const bytes = crypto.getRandomValues(new Uint8Array(43));
  return `tp_live_${Array.from(bytes, (b) => alphabet[b % 62]).join("")}`;
}

/**
 * The built app (`next start`, run `next build` first) on a free port with a fresh TRACEPIPE_DATA_DIR and a
 * seeded full-scope key; `databaseUrl` empty selects the embedded PGlite. `nodeArgs` go to node (e.g. `--cpu-prof`).
 * A restart after a crash passes the previous `dataDir`, `port` and `seedKey`; a given `dataDir` is kept on stop.
 */
export async function startBenchServer(
  options: {
    databaseUrl?: string;
    env?: Record<string, string>;
    nodeArgs?: string[];
    dataDir?: string;
    port?: number;
    seedKey?: string;
  } = {},
) {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-bench-"));
  const seedKey = options.seedKey ?? randomSeedKey();
  const nextBin = path.join(process.cwd(), "node_modules/next/dist/bin/next");
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        TRACEPIPE_DATA_DIR: dataDir,
        TRACEPIPE_SEED_API_KEY: seedKey,
        DATABASE_URL: options.databaseUrl ?? "",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        ...options.env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(undefined);
      }, 5_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the app did not become ready within 120 s");
    }
    try {
      if ((await fetch(`${baseUrl}/v1/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, pid: child.pid ?? -1, seedKey, stop, kill } satisfies BenchServer;
}

/** Resident memory of a process in bytes (Linux /proc). */
export function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

/** CPU seconds (user + system) a process has used, all its threads (Linux /proc; clock ticks are 1/100 s). */
export function readCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used by every process named `name` on this machine (e.g. a local Postgres server's backends). */
export function readCpuSecondsOf(name: string): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name)
        total += readCpuSeconds(Number(entry));
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}
