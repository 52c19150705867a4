import http from "node:http";

const INSTALLED = Symbol.for("tracepipe.forwardPeerAddress");

/**
 * Appends each request's socket peer address to X-Forwarded-For, as a proxy would. Next only sets the header when
 * the client did not send one, so without this a client-supplied X-Forwarded-For would be all we see and the
 * sign-in throttle could be dodged by rotating it. With it the last entry is always the real peer, and
 * `readClientAddress` believes earlier entries only through proxies listed in TRUSTED_PROXIES. Next gives route
 * handlers and server actions no other way to read the peer address.
 */
export function forwardPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const peer = request.socket?.remoteAddress;
      const sent = request.headers["x-forwarded-for"];
      const hops = [...(Array.isArray(sent) ? sent : sent ? [sent] : []), ...(peer ? [peer] : [])];
      if (hops.length > 0) request.headers["x-forwarded-for"] = hops.join(", ");
      else delete request.headers["x-forwarded-for"];
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
