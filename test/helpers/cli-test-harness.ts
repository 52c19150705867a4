import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { runCli } from "@/lib/cli/run-cli";
import type { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { type ApiTestServer, startApiTestServer } from "./api-test-server";
import { startAppExecutor } from "./app-executor";

/**
 * The CLI over real HTTP against the app's real route handlers, a fresh database and the embedded executor.
 * Registers the suite's hooks; the returned harness is usable inside tests. Each test starts with no injected
 * fault, an empty request log and no recorded waits.
 */
export function registerCliTestHarness(name: string) {
  let dataDir: string;
  let executor: EmbeddedExecutor | undefined;
  let server: ApiTestServer | undefined;
  let dir = "";
  let apiKey = "";
  const waits: number[] = [];

  beforeAll(async () => {
    ({ dataDir } = await openTestDatabase());
    executor = await startAppExecutor();
    server = await startApiTestServer();
    dir = await mkdtemp(path.join(tmpdir(), `tracepipe-${name}-`));
    apiKey = (await createTestCaller()).secret;
  });

  afterAll(async () => {
    await server?.close();
    await executor?.stop();
    await rm(dir, { recursive: true, force: true });
    await closeTestDatabase(dataDir);
  });

  beforeEach(() => {
    server?.setFault(() => undefined);
    if (server) server.log.length = 0;
    waits.length = 0;
  });

  const started = (): ApiTestServer => {
    if (!server) throw new Error("The CLI test harness is used before its beforeAll hook ran");
    return server;
  };

  return {
    get server() {
      return started();
    },
    get dir() {
      return dir;
    },
    /** The `Retry-After` waits the CLI asked for, in order (each is cut to 100 ms so the test does not sleep). */
    waits,

    async tracepipe(args: string[], env: Record<string, string> = {}) {
      let stdout = "";
      let stderr = "";
      const code = await runCli(
        args,
        {
          stdout: (t) => {
            stdout += t;
          },
          stderr: (t) => {
            stderr += t;
          },
        },
        {
          env: { TRACEPIPE_URL: started().url, TRACEPIPE_API_KEY: apiKey, TRACEPIPE_CONFIG_DIR: dir, ...env },
          pollIntervalMs: 100,
          sleep: async (ms) => {
            waits.push(ms);
            await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 100)));
          },
        },
      );
      return { code, stdout, stderr };
    },

    async writeRecording(fileName: string, lines: string[]) {
      const file = path.join(dir, fileName);
      await writeFile(file, `${lines.join("\n")}\n`);
      return file;
    },
  };
}
