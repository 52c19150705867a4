import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalObjectStore } from "@/lib/storage/local-object-store";
import type { IngestServices } from "./edge-fixtures/injected-services-handler";
import { EdgeSandboxBuildError, runInEdgeSandbox } from "./run-in-edge-sandbox";

describe("runInEdgeSandbox", () => {
  it("runs a Web-API-only handler in EdgeVM, streaming the request body in and the response out", async () => {
    const sandbox = await runInEdgeSandbox("test/helpers/edge-fixtures/web-api-handler.ts", {
      env: { SAMPLE_FLAG: "on" },
    });
    expect(sandbox.exports.sort()).toEqual(["GET", "POST"]);
    expect(sandbox.inputs).toEqual(["test/helpers/edge-fixtures/web-api-handler.ts"]);

    const body = randomBytes(300_000);
    const request = new Request("http://sandbox.test/v1/things/abc", {
      method: "POST",
      headers: { "x-trace": "t-1" },
      body: new Blob([body]).stream(),
      duplex: "half",
    } as RequestInit);
    const response = await sandbox.fetch(request, { id: "abc" });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.headers.get("x-handled-by")).toBe("edge-fixture");
    expect(await response.json()).toEqual({
      id: "abc",
      bytes: body.length,
      sha256: createHash("sha256").update(body).digest("hex"),
      trace: "t-1",
      runtime: "edge",
      hasRequire: false,
      env: "on",
    });

    const streamed = await sandbox.fetch(new Request("http://sandbox.test/"));
    expect(await streamed.text()).toBe("line 0\nline 1\nline 2\n");
  });

  it("bundles app code imported through the @/ alias", async () => {
    const sandbox = await runInEdgeSandbox("test/helpers/edge-fixtures/app-code-handler.ts");
    expect(sandbox.inputs).toContain("lib/auth/api-key-secret.ts");
    const response = await sandbox.fetch(new Request("http://sandbox.test/"));
    expect(await response.json()).toEqual({
      valid: true,
      hash: createHash("sha256").update("tp_live_fixed").digest("hex"),
    });
  });

  it("builds a handler from a factory with injected Node-side services that stream into real storage", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-sandbox-"));
    const store = new LocalObjectStore(path.join(dir, "objects"));
    const services: IngestServices = {
      authenticate: async (authorization) =>
        authorization === "Bearer good" ? { userId: "u-1" } : undefined,
      // The stream comes from the sandbox realm; the Node store reads it chunk by chunk.
      persistRaw: async (key, body) => ({ size: (await store.put(key, body)).size }),
    };
    try {
      const sandbox = await runInEdgeSandbox("test/helpers/edge-fixtures/injected-services-handler.ts", {
        handler: (m) => (m.createIngestHandler as (s: IngestServices) => unknown)(services),
      });
      const body = randomBytes(1_000_000);
      const post = (authorization: string) =>
        sandbox.fetch(
          new Request("http://sandbox.test/upload", {
            method: "POST",
            headers: { authorization },
            body: new Blob([body]).stream(),
            duplex: "half",
          } as RequestInit),
          { id: "s-1" },
        );
      expect((await post("Bearer bad")).status).toBe(401);
      const accepted = await post("Bearer good");
      expect(accepted.status).toBe(202);
      expect(await accepted.json()).toEqual({ userId: "u-1", size: body.length });
      const stored = await new Response(await store.getStream("sessions/s-1/raw/upload.bin")).arrayBuffer();
      expect(Buffer.from(stored).equals(body)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a handler whose import graph reaches a Node built-in, naming the importer", async () => {
    const attempt = runInEdgeSandbox("test/helpers/edge-fixtures/node-fs-handler.ts");
    await expect(attempt).rejects.toBeInstanceOf(EdgeSandboxBuildError);
    await expect(attempt).rejects.toThrow(
      'Node.js built-in "node:fs/promises" imported by test/helpers/edge-fixtures/uses-node-fs.ts',
    );
  });

  it("does not provide Node globals such as Buffer at run time", async () => {
    const sandbox = await runInEdgeSandbox("test/helpers/edge-fixtures/uses-buffer-global.ts");
    await expect(sandbox.fetch(new Request("http://sandbox.test/"))).rejects.toThrow(/Buffer is not defined/);
  });
});
