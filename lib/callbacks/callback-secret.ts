import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

let rootSecret: string | undefined;

/**
 * The root of callback signing secrets: AUTH_SECRET when set (every instance shares it), otherwise a random
 * secret generated on first use and kept in the data folder (the embedded default is one instance).
 */
function getRootSecret(): string {
  if (rootSecret) return rootSecret;
  const env = getEnv();
  if (env.AUTH_SECRET) {
    rootSecret = env.AUTH_SECRET;
    return rootSecret;
  }
  const file = path.join(env.dataDir, "callback-signing-secret");
  try {
    rootSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(env.dataDir, { recursive: true });
    const generated = randomBytes(32).toString("hex");
    // `wx` fails if another process created it meanwhile; then that one's secret wins.
    try {
      fs.writeFileSync(file, generated, { flag: "wx", mode: 0o600 });
    } catch {}
    rootSecret = fs.readFileSync(file, "utf8").trim();
  }
  return rootSecret;
}

/** Tests switch data folders; they call this to forget the cached root. */
export function resetCallbackSecretCache(): void {
  rootSecret = undefined;
}

/**
 * Each user's signing secret, derived from the root so nothing per user is stored: HMAC(root, "callback:<user>").
 * A user reads theirs at GET /v1/examples/callback-secret.
 */
export function getCallbackSecret(userId: string): string {
  return `whsec_${createHmac("sha256", getRootSecret()).update(`callback:${userId}`).digest("hex")}`;
}
