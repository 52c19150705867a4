import ipaddr from "ipaddr.js";

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface ClientAddressConfig {
  /** Proxies whose X-Forwarded-For entries are believed (TRUSTED_PROXIES). */
  trustedProxies: readonly string[];
  /** On Vercel the platform sets x-real-ip itself and overwrites what a client sent. */
  onVercel: boolean;
}

const parseAddress = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed && ipaddr.isValid(trimmed) ? ipaddr.process(trimmed) : undefined;
};

const parseCidr = (entry: string): Cidr => {
  if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
  const address = ipaddr.process(entry);
  return [address, address.kind() === "ipv4" ? 32 : 128];
};

const isTrusted = (address: ipaddr.IPv4 | ipaddr.IPv6, proxies: Cidr[]) =>
  proxies.some(([range, bits]) => address.kind() === range.kind() && address.match(range, bits));

/**
 * The client's address. Every X-Forwarded-For entry is client-controlled except those appended by a proxy we
 * trust, so the list is read from the right: the last entry is the socket's peer (appended by
 * `forwardPeerAddress` in this server), and each trusted proxy vouches for the entry left of it. The first address
 * that is not a trusted proxy is the client. Without trusted proxies that is simply the peer.
 */
export function readClientAddress(headers: Headers, config: ClientAddressConfig): string | null {
  if (config.onVercel) return parseAddress(headers.get("x-real-ip") ?? undefined)?.toString() ?? null;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(parseAddress);
  const proxies = config.trustedProxies.map(parseCidr);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    // An unparsable entry cannot be vouched for: stop at the last address we could read.
    if (!hop) return i === hops.length - 1 ? null : (hops[i + 1]?.toString() ?? null);
    if (!isTrusted(hop, proxies) || i === 0) return hop.toString();
  }
  return null;
}
