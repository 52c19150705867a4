import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forwardPeerAddress } from "./forward-peer-address";

let server: http.Server;
let port = 0;

beforeAll(async () => {
  forwardPeerAddress();
  forwardPeerAddress(); // installing twice must not append the peer twice
  server = http.createServer((request, response) => response.end(String(request.headers["x-forwarded-for"])));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const forwardedSeen = async (headers: Record<string, string>) =>
  (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();

describe("forwardPeerAddress", () => {
  it("appends the socket peer to X-Forwarded-For, so a client-written header never hides it", async () => {
    expect(await forwardedSeen({})).toBe("127.0.0.1");
    expect(await forwardedSeen({ "x-forwarded-for": "1.2.3.4" })).toBe("1.2.3.4, 127.0.0.1");
    expect(await forwardedSeen({ "x-forwarded-for": "9.9.9.9, 8.8.8.8" })).toBe(
      "9.9.9.9, 8.8.8.8, 127.0.0.1",
    );
  });
});
