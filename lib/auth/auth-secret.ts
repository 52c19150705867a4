import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

let cached: string | undefined;

/**
 * The secret that encrypts session cookies. AUTH_SECRET when set; otherwise one generated on first run and kept
 * in the data folder (mode 0600), so the embedded default needs no configuration and sessions survive restarts.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  if (env.AUTH_SECRET) {
    cached = env.AUTH_SECRET;
    return cached;
  }
  const file = path.join(env.dataDir, "auth-secret");
  fs.mkdirSync(env.dataDir, { recursive: true });
  try {
    // `wx` fails when the file exists, so two processes starting together end up sharing the first secret.
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return cached;
}

export function resetAuthSecretCache(): void {
  cached = undefined;
}
