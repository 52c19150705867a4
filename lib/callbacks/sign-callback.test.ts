import { describe, expect, it } from "vitest";
import { signCallback, verifyCallbackSignature } from "./sign-callback";

describe("callback signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ type: "example.completed", data: { id: "x" } });

  it("verifies its own signature and rejects a changed body, secret or stale timestamp", () => {
    const now = 1_800_000_000;
    const header = signCallback(secret, body, now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyCallbackSignature(secret, body, header, { now })).toBe(true);
    expect(verifyCallbackSignature(secret, `${body} `, header, { now })).toBe(false);
    expect(verifyCallbackSignature("whsec_other", body, header, { now })).toBe(false);
    expect(verifyCallbackSignature(secret, body, header, { now: now + 301 })).toBe(false);
    expect(verifyCallbackSignature(secret, body, "t=abc,v1=00", { now })).toBe(false);
  });

  it("signs timestamp.body with HMAC-SHA256 as documented", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", secret).update(`42.${body}`).digest("hex");
    expect(signCallback(secret, body, 42)).toBe(`t=42,v1=${expected}`);
  });
});
