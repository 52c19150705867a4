import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const RECEIPT_ALG = "EdDSA";

/** An Ed25519 private key as a JWK: what DELETION_RECEIPT_SIGNING_KEY holds and the data-folder file keeps. */
const privateJwkSchema = z.object({
  kty: z.literal("OKP"),
  crv: z.literal("Ed25519"),
  x: z.string().min(1),
  d: z.string().min(1),
});

export interface ReceiptSigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half, as published in the JWKS. */
  publicJwk: JWK;
}

let cached: Promise<ReceiptSigningKey> | undefined;

async function generatePrivateJwk(): Promise<string> {
  const { privateKey } = await generateKeyPair(RECEIPT_ALG, { crv: "Ed25519", extractable: true });
  return JSON.stringify(await exportJWK(privateKey));
}

/**
 * The embedded default's key: generated on first use and kept in the data folder (mode 0600), so receipts signed
 * before a restart still verify against the published key. `wx` makes two processes starting together share the
 * first key written.
 */
async function readOrCreateKeyFile(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "receipt-signing-key.json");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, await generatePrivateJwk(), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8");
}

async function loadKey(): Promise<ReceiptSigningKey> {
  const env = getEnv();
  if (!env.DELETION_RECEIPT_SIGNING_KEY && env.VERCEL)
    // A serverless instance's disk is its own and short-lived: a generated key would differ per instance.
    throw new AppError({
      code: "unavailable",
      message: "Deletion receipts need DELETION_RECEIPT_SIGNING_KEY on this deployment.",
    });
  const text = env.DELETION_RECEIPT_SIGNING_KEY ?? (await readOrCreateKeyFile(env.dataDir));
  const jwk = privateJwkSchema.parse(JSON.parse(text));
  const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateKey = await importJWK({ ...jwk, alg: RECEIPT_ALG }, RECEIPT_ALG);
  if (!(privateKey instanceof CryptoKey)) throw new Error("an OKP JWK imports as a CryptoKey");
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: RECEIPT_ALG, use: "sig" } };
}

/** DELETION_RECEIPT_SIGNING_KEY when set, else the key kept in the data folder. */
export function getReceiptSigningKey(): Promise<ReceiptSigningKey> {
  cached ??= loadKey().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** The JSON Web Key Set anyone can verify receipts with (served at /.well-known/jwks.json). */
export async function getReceiptJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await getReceiptSigningKey()).publicJwk] };
}

/** Tests switch data folders; they forget the cached key with the env cache. */
export function resetReceiptSigningKeyCache(): void {
  cached = undefined;
}
