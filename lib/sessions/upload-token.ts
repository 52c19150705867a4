import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { unauthorized } from "@/lib/errors";

/**
 * Signed, expiring tokens for direct uploads: `<base64url JSON payload>.<base64url HMAC-SHA256>`. The payload
 * names exactly what the bearer may do (one storage key and its size, or one pending session's keys), so a
 * leaked token cannot write anywhere else or after it expires.
 */

let cachedKey: { secret: string; key: Promise<CryptoKey> } | undefined;

function uploadSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return `upload:${env.AUTH_SECRET}`;
  // Embedded default: a random secret kept in the data folder, created once (`wx` loses a race gracefully).
  const file = path.join(env.dataDir, "upload-secret");
  fs.mkdirSync(env.dataDir, { recursive: true });
  try {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    fs.writeFileSync(file, Buffer.from(bytes).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

function signingKey(): Promise<CryptoKey> {
  const secret = uploadSecret();
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

export interface FileUploadClaims {
  kind: "file";
  workspaceId: string;
  userId: string;
  sessionId: string;
  key: string;
  maxBytes: number;
  exp: number;
}

export interface SessionUploadClaims {
  kind: "session";
  workspaceId: string;
  userId: string;
  sessionId: string;
  keys: string[];
  exp: number;
}

type Claims = FileUploadClaims | SessionUploadClaims;

export async function signUploadToken(claims: Claims): Promise<string> {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = await crypto.subtle.sign("HMAC", await signingKey(), new TextEncoder().encode(payload));
  return `${payload}.${Buffer.from(signature).toString("base64url")}`;
}

export async function verifyUploadToken<K extends Claims["kind"]>(
  token: string,
  kind: K,
  now = Date.now(),
): Promise<Extract<Claims, { kind: K }>> {
  const invalid = unauthorized("The upload token is invalid or expired");
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) throw invalid;
  const valid = await crypto.subtle.verify(
    "HMAC",
    await signingKey(),
    Buffer.from(signature, "base64url"),
    new TextEncoder().encode(payload),
  );
  if (!valid) throw invalid;
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
  } catch {
    throw invalid;
  }
  if (claims.kind !== kind || typeof claims.exp !== "number" || claims.exp < now) throw invalid;
  return claims as Extract<Claims, { kind: K }>;
}
