import { generateApiKeySecret, hashApiKey, looksLikeApiKey } from "@/lib/auth/api-key-secret";

/** Imports real app code through the `@/` alias: API key generation and hashing are Web Crypto only. */
export async function GET() {
  const secret = generateApiKeySecret();
  return Response.json({ valid: looksLikeApiKey(secret), hash: await hashApiKey("tp_live_fixed") });
}
