import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { ForbiddenCallbackAddressError } from "./callback-address";
import { CallbackRejectedError, postCallback } from "./post-callback";
import { verifyCallbackSignature } from "./sign-callback";

// A real HTTP receiver on 127.0.0.1: what it answers is set per test.
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let answer = 200;
const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => {
    body += chunk;
  });
  request.on("end", () => {
    received.push({ headers: request.headers, body });
    response.writeHead(answer, answer === 302 ? { location: "http://127.0.0.1:1/" } : {});
    response.end();
  });
});
let port = 0;

const setAllowPrivate = (value: string | undefined) => {
  if (value === undefined) delete process.env.CALLBACK_ALLOW_PRIVATE_ADDRESSES;
  else process.env.CALLBACK_ALLOW_PRIVATE_ADDRESSES = value;
  resetEnvCache();
};

beforeAll(async () => {
  // Every interface, so the host's own non-loopback address reaches it too.
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  setAllowPrivate(undefined);
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  received.length = 0;
  answer = 200;
});

describe("postCallback", () => {
  const secret = "whsec_receiver";
  const body = JSON.stringify({ type: "example.completed", data: { id: "e1" } });

  it("delivers a signed POST the receiver can verify (private addresses allowed for development)", async () => {
    setAllowPrivate("1");
    const result = await postCallback({
      url: `http://127.0.0.1:${port}/hook`,
      body,
      secret,
      eventId: "e1:completed",
    });
    expect(result.status).toBe(200);
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery?.body).toBe(body);
    expect(delivery?.headers["content-type"]).toBe("application/json");
    expect(delivery?.headers["tracepipe-event-id"]).toBe("e1:completed");
    const signature = String(delivery?.headers["tracepipe-signature"]);
    expect(verifyCallbackSignature(secret, body, signature)).toBe(true);
    expect(verifyCallbackSignature("whsec_wrong", body, signature)).toBe(false);
  });

  it("throws on a non-2xx answer and does not follow redirects", async () => {
    setAllowPrivate("1");
    answer = 500;
    await expect(
      postCallback({ url: `http://127.0.0.1:${port}/hook`, body, secret, eventId: "x" }),
    ).rejects.toMatchObject({ name: "CallbackRejectedError", status: 500 });
    answer = 302;
    await expect(
      postCallback({ url: `http://127.0.0.1:${port}/hook`, body, secret, eventId: "x" }),
    ).rejects.toBeInstanceOf(CallbackRejectedError);
    expect(received).toHaveLength(2);
  });

  it("refuses loopback literals and names that resolve to loopback, without sending anything", async () => {
    setAllowPrivate(undefined);
    await expect(
      postCallback({ url: `http://127.0.0.1:${port}/hook`, body, secret, eventId: "x" }),
    ).rejects.toBeInstanceOf(ForbiddenCallbackAddressError);
    await expect(
      postCallback({ url: `http://[::1]:${port}/hook`, body, secret, eventId: "x" }),
    ).rejects.toBeInstanceOf(ForbiddenCallbackAddressError);
    await expect(
      postCallback({ url: `http://localhost:${port}/hook`, body, secret, eventId: "x" }),
    ).rejects.toBeInstanceOf(ForbiddenCallbackAddressError);
    expect(received).toHaveLength(0);
  });

  it("refuses the host's own interface address and documentation ranges, without sending anything", async () => {
    setAllowPrivate(undefined);
    const own = Object.values(os.networkInterfaces())
      .flatMap((list) => list ?? [])
      .find((entry) => entry.family === "IPv4" && !entry.internal);
    const targets = ["198.51.100.1", "203.0.113.7", "[64:ff9b::7f00:1]", "[::127.0.0.1]", "[2001:db8::1]"];
    if (own) targets.push(own.address);
    for (const host of targets) {
      await expect(
        postCallback({ url: `http://${host}:${port}/hook`, body, secret, eventId: "x", timeoutMs: 2000 }),
      ).rejects.toBeInstanceOf(ForbiddenCallbackAddressError);
    }
    expect(received).toHaveLength(0);
  });
});
