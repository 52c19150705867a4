import { describe, expect, it } from "vitest";
import { type ClientAddressConfig, readClientAddress } from "./client-address";

const direct: ClientAddressConfig = { trustedProxies: [], onVercel: false };
const behindProxy: ClientAddressConfig = { trustedProxies: ["10.0.0.0/8", "fd00::/8"], onVercel: false };
const read = (xff: string | null, config = direct, extra: Record<string, string> = {}) =>
  readClientAddress(new Headers({ ...(xff === null ? {} : { "x-forwarded-for": xff }), ...extra }), config);

describe("readClientAddress", () => {
  it("without trusted proxies the client is the socket peer (the last hop), whatever the client wrote before it", () => {
    expect(read("203.0.113.5")).toBe("203.0.113.5");
    expect(read("1.2.3.4, 203.0.113.5")).toBe("203.0.113.5");
    expect(read("9.9.9.9, 8.8.8.8, 203.0.113.5")).toBe("203.0.113.5");
    expect(read("::ffff:127.0.0.1")).toBe("127.0.0.1");
  });

  it("believes X-Forwarded-For only through the configured proxies", () => {
    expect(read("198.51.100.7, 10.0.0.2", behindProxy)).toBe("198.51.100.7");
    // A spoofed entry left of the real client is ignored: the proxy appended the real one.
    expect(read("1.1.1.1, 198.51.100.7, 10.0.0.2", behindProxy)).toBe("198.51.100.7");
    // Two proxies in a row.
    expect(read("198.51.100.7, 10.0.0.3, 10.0.0.2", behindProxy)).toBe("198.51.100.7");
    // A peer outside the trusted list is the client itself, whatever the header says.
    expect(read("10.0.0.9, 192.0.2.44", behindProxy)).toBe("192.0.2.44");
    expect(read("2001:db8::1, fd00::2", behindProxy)).toBe("2001:db8::1");
  });

  it("an unreadable hop stops the walk at the last address a trusted proxy vouched for", () => {
    expect(read("not-an-ip, 10.0.0.2", behindProxy)).toBe("10.0.0.2");
    expect(read("garbage")).toBeNull();
    expect(read(null)).toBeNull();
  });

  it("on Vercel reads x-real-ip, which the platform sets itself", () => {
    const vercel = { trustedProxies: [], onVercel: true };
    expect(read("1.2.3.4", vercel, { "x-real-ip": "198.51.100.8" })).toBe("198.51.100.8");
    expect(read("1.2.3.4", vercel)).toBeNull();
  });
});
