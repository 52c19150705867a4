import { createLocalJWKSet, jwtVerify, SignJWT } from "jose";
import { getEnv } from "@/lib/env";
import {
  type DeletionCounts,
  type DeletionReceiptClaims,
  type DeletionReceiptResponse,
  deletionReceiptClaimsSchema,
} from "@/schemas/deletion";
import { getReceiptJwks, getReceiptSigningKey, RECEIPT_ALG } from "./receipt-signing-key";

export const RECEIPT_TYPE = "deletion-receipt+jwt";
export const JWKS_PATH = "/.well-known/jwks.json";

export const emptyCounts = (): DeletionCounts => ({
  sessions: 0,
  objects: 0,
  bytes: 0,
  examples: 0,
  review_items: 0,
  api_keys: 0,
  members: 0,
  invitations: 0,
  audit_entries: 0,
  stripe_subscriptions_canceled: 0,
});

export function addCounts(a: DeletionCounts, b: DeletionCounts): DeletionCounts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as (keyof DeletionCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

const issuer = () => getEnv().APP_URL ?? "tracepipe";

type ReceiptBody = Omit<DeletionReceiptClaims, "iss" | "jti" | "iat">;

/** Signs what a deletion removed as a JWT (EdDSA, `typ` deletion-receipt+jwt) with the platform's receipt key. */
export async function signDeletionReceipt(body: ReceiptBody): Promise<DeletionReceiptResponse> {
  const key = await getReceiptSigningKey();
  const { sub, ...rest } = body;
  const receipt = await new SignJWT(rest)
    .setProtectedHeader({ alg: RECEIPT_ALG, kid: key.kid, typ: RECEIPT_TYPE })
    .setIssuer(issuer())
    .setSubject(sub)
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .sign(key.privateKey);
  const claims = await verifyDeletionReceipt(receipt, await getReceiptJwks());
  const appUrl = getEnv().APP_URL;
  return { receipt, jwks_url: appUrl ? new URL(JWKS_PATH, appUrl).href : JWKS_PATH, claims };
}

/** Verifies a receipt against a JWKS (as anyone holding the published keys would) and returns its claims. */
export async function verifyDeletionReceipt(
  receipt: string,
  jwks: Parameters<typeof createLocalJWKSet>[0],
): Promise<DeletionReceiptClaims> {
  const { payload } = await jwtVerify(receipt, createLocalJWKSet(jwks), {
    algorithms: [RECEIPT_ALG],
    typ: RECEIPT_TYPE,
  });
  return deletionReceiptClaimsSchema.parse(payload);
}
