import { afterAll, beforeAll, expect, it } from "vitest";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { getEmbeddedExecutor } from "@/lib/jobs/executor-registry";
import { startServerProcess } from "@/lib/platform/start-server-process";
import { inngest } from "./client";
import { registerEmbeddedExecutorStart, stopEmbeddedExecutor } from "./start-embedded-executor";

let dataDir: string | undefined;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});

afterAll(async () => {
  await stopEmbeddedExecutor();
  await closeTestDatabase(dataDir);
});

it("starts the app's executor with the server process in the embedded default, and stops it", async () => {
  expect(getEmbeddedExecutor(inngest.id)).toBeUndefined();
  registerEmbeddedExecutorStart();
  await startServerProcess();
  expect(getEmbeddedExecutor(inngest.id)).toBeDefined();
  await stopEmbeddedExecutor();
  expect(getEmbeddedExecutor(inngest.id)).toBeUndefined();
});
