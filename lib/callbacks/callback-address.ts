import dns from "node:dns";
import net from "node:net";
import os from "node:os";
import ipaddr from "ipaddr.js";

// A callback URL is customer input: without this check it could make our server POST into our own network (SSRF),
// including through DNS names that resolve inward. Only global unicast passes. ipaddr.js keeps the IANA special-
// purpose registries (private, loopback, link-local, CGNAT, multicast, documentation/TEST-NET, benchmarking, NAT64,
// 6to4, Teredo, …) so this list is not ours to maintain.

/** `::a.b.c.d` (IPv4-compatible, deprecated) is "unicast" to ipaddr.js but reaches the embedded IPv4 address. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/** The host's own interface addresses: a public address of this machine still reaches its internal listeners. */
function ownAddresses(): Set<string> {
  const own = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) own.add(normalize(entry.address.split("%")[0] ?? entry.address));
  }
  return own;
}

function normalize(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.parse(address).toNormalizedString() : address;
}

/** Whether an IP literal is a global unicast address that is not one of this host's own. */
export function isGlobalUnicastAddress(address: string, own: Set<string> = ownAddresses()): boolean {
  const literal = address.split("%")[0] ?? address; // a zone id (fe80::1%eth0) is link-local anyway
  if (!net.isIP(literal)) return false;
  const parsed = ipaddr.parse(literal);
  if (parsed.kind() === "ipv6" && parsed.match(IPV4_COMPATIBLE)) return false;
  if (parsed.range() !== "unicast") return false;
  return !own.has(parsed.toNormalizedString());
}

export class ForbiddenCallbackAddressError extends Error {
  constructor(host: string, address: string) {
    super(`Callback host ${host} resolves to ${address}, which is not a public (global unicast) address`);
    this.name = "ForbiddenCallbackAddressError";
  }
}

/** Throws when an IP literal is not allowed as a callback target. */
export function assertCallbackAddress(host: string, address: string): void {
  if (!isGlobalUnicastAddress(address)) throw new ForbiddenCallbackAddressError(host, address);
}

/**
 * A `lookup` for node:http that resolves the host and refuses the connection when any resolved address is not
 * global unicast. The socket connects to the address checked here, so a second DNS answer cannot rebind the request.
 */
export function createGuardedLookup(options: { allowPrivate: boolean }): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { all: true, family: lookupOptions.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const first = list[0];
      if (!first) return callback(new Error(`No address for ${hostname}`), "", 0);
      if (!options.allowPrivate) {
        const own = ownAddresses();
        const bad = list.find((a) => !isGlobalUnicastAddress(a.address, own));
        if (bad) return callback(new ForbiddenCallbackAddressError(hostname, bad.address), "", 0);
      }
      if (lookupOptions.all) return callback(null, list);
      return callback(null, first.address, first.family);
    });
  };
}
