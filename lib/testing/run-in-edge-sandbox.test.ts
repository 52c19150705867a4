import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EdgeSandboxBuildError, runInEdgeSandbox } from "./run-in-edge-sandbox";

describe("runInEdgeSandbox", () => {
  it("runs a Web-API-only handler in EdgeVM, streaming the request body in and the response out", async () => {
    const sandbox = await runInEdgeSandbox("lib/testing/edge-fixtures/web-api-handler.ts", {
      env: { SAMPLE_FLAG: "on" },
    });
    expect(sandbox.exports.sort()).toEqual(["GET", "POST"]);
    expect(sandbox.inputs).toEqual(["lib/testing/edge-fixtures/web-api-handler.ts"]);

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
    const sandbox = await runInEdgeSandbox("lib/testing/edge-fixtures/app-code-handler.ts");
    expect(sandbox.inputs).toContain("lib/auth/api-key-secret.ts");
    const response = await sandbox.fetch(new Request("http://sandbox.test/"));
    expect(await response.json()).toEqual({
      valid: true,
      hash: createHash("sha256").update("tp_live_fixed").digest("hex"),
    });
  });

  it("refuses a handler whose import graph reaches a Node built-in, naming the importer", async () => {
    const attempt = runInEdgeSandbox("lib/testing/edge-fixtures/node-fs-handler.ts");
    await expect(attempt).rejects.toBeInstanceOf(EdgeSandboxBuildError);
    await expect(attempt).rejects.toThrow(
      'Node.js built-in "node:fs/promises" imported by lib/testing/edge-fixtures/uses-node-fs.ts',
    );
  });

  it("does not provide Node globals such as Buffer at run time", async () => {
    const sandbox = await runInEdgeSandbox("lib/testing/edge-fixtures/uses-buffer-global.ts");
    await expect(sandbox.fetch(new Request("http://sandbox.test/"))).rejects.toThrow(/Buffer is not defined/);
  });
});
