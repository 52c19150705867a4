import dns from "node:dns";
import net from "node:net";

// Addresses a callback may never reach unless CALLBACK_ALLOW_PRIVATE_ADDRESSES is set: a customer-supplied
// URL must not let them probe our internal network (SSRF), including through DNS names that resolve inward.
const blocked = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP literal is private, loopback, link-local or otherwise not a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 forms would otherwise smuggle an IPv4 private address past the v6 rules.
  const mapped = lower.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  return blocked.check(lower, "ipv6");
}

export class ForbiddenCallbackAddressError extends Error {
  constructor(host: string, address: string) {
    super(`Callback host ${host} resolves to ${address}, a private, loopback or link-local address`);
    this.name = "ForbiddenCallbackAddressError";
  }
}

/**
 * A `lookup` for node:http that resolves the host and refuses the connection when any resolved address is not
 * public. The socket connects to the address checked here, so a second DNS answer cannot rebind the request.
 */
export function createGuardedLookup(options: { allowPrivate: boolean }): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { all: true, family: lookupOptions.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const first = list[0];
      if (!first) return callback(new Error(`No address for ${hostname}`), "", 0);
      if (!options.allowPrivate) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(new ForbiddenCallbackAddressError(hostname, bad.address), "", 0);
      }
      if (lookupOptions.all) return callback(null, list);
      return callback(null, first.address, first.family);
    });
  };
}
