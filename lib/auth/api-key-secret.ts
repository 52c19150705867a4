/**
 * API key secrets: `tp_live_` + 43 base62 characters (≥ 256 bits). Only a SHA-256 hash and a short display
 * prefix/suffix are stored. Web Crypto only, so edge-portable handlers can verify keys.
 */
export const API_KEY_PREFIX = "tp_live_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 43;

export function generateApiKeySecret(): string {
  let out = "";
  // Rejection sampling keeps every base62 digit uniform (256 is not a multiple of 62).
  while (out.length < SECRET_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(64))) {
      if (byte < 248 && out.length < SECRET_LENGTH) out += BASE62[byte % 62];
    }
  }
  return API_KEY_PREFIX + out;
}

export const looksLikeApiKey = (value: string) => /^tp_live_[0-9A-Za-z]{32,64}$/.test(value);

export async function hashApiKey(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function apiKeyDisplayParts(secret: string): { displayPrefix: string; displaySuffix: string } {
  return { displayPrefix: secret.slice(0, API_KEY_PREFIX.length + 4), displaySuffix: secret.slice(-4) };
}

export const maskApiKey = (displayPrefix: string, displaySuffix: string) =>
  `${displayPrefix}…${displaySuffix}`;
