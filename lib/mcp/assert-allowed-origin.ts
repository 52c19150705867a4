import { getEnv } from "@/lib/env";
import { forbidden } from "@/lib/errors";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * DNS rebinding guard (MCP transport spec: servers MUST validate `Origin`). Agents and CLIs send no `Origin`; a
 * browser page does, and may only be the app's own origin (APP_URL) or a page on this machine. The request's own
 * Host cannot vouch for it: in a rebinding attack Host and Origin are both the attacker's name.
 */
export function assertAllowedOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) return;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw forbidden(`Origin '${origin}' may not call the MCP endpoint`);
  }
  const appUrl = getEnv().APP_URL;
  if (LOOPBACK_HOSTS.has(parsed.hostname)) return;
  if (appUrl && new URL(appUrl).origin === parsed.origin) return;
  throw forbidden(`Origin '${parsed.origin}' may not call the MCP endpoint; set APP_URL to the app's origin`);
}
