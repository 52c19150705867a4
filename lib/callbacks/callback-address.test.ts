import os from "node:os";
import { describe, expect, it } from "vitest";
import { isGlobalUnicastAddress } from "./callback-address";

describe("isGlobalUnicastAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "224.0.0.1",
    // Documentation and benchmarking ranges the old hand-written list let through.
    "198.51.100.1",
    "203.0.113.9",
    "192.0.2.1",
    "198.18.0.1",
    "::1",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "fd00::1",
    "ff02::1",
    // IPv4 smuggled in IPv6: mapped, compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4, Teredo.
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:8.8.8.8",
    "::127.0.0.1",
    "::8.8.8.8",
    "64:ff9b::7f00:1",
    "64:ff9b::808:808",
    "2002:7f00:1::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "2001:db8::1",
    "2001:db8:ffff::1",
    "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isGlobalUnicastAddress(address, new Set())).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"])(
    "allows %s",
    (address) => {
      expect(isGlobalUnicastAddress(address, new Set())).toBe(true);
    },
  );

  it("refuses the host's own addresses even when they are public", () => {
    expect(isGlobalUnicastAddress("8.8.4.4", new Set(["8.8.4.4"]))).toBe(false);
    expect(isGlobalUnicastAddress("2606:4700::1", new Set(["2606:4700:0:0:0:0:0:1"]))).toBe(false);
    expect(isGlobalUnicastAddress("8.8.4.4", new Set(["8.8.8.8"]))).toBe(true);
  });

  it("by default reads the host's interface addresses", () => {
    const own = Object.values(os.networkInterfaces())
      .flatMap((list) => list ?? [])
      .map((entry) => entry.address);
    expect(own.length).toBeGreaterThan(0);
    for (const address of own) expect(isGlobalUnicastAddress(address)).toBe(false);
  });
});
