import { badRequest } from "@/lib/errors";

/** Vercel Blob's pathname limit; the local store applies the same so a key valid in one store is valid in both. */
export const MAX_KEY_LENGTH = 950;

/**
 * Rejects keys that could escape the store root or that the two stores would treat differently:
 * absolute paths, `.`/`..` segments, empty segments (`a//b`, which Vercel Blob refuses), backslashes
 * (a separator on Windows) and control characters.
 */
export function assertValidKey(key: string): void {
  const invalid = () => badRequest(`Invalid storage key: ${JSON.stringify(key.slice(0, 200))}`);
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw invalid();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(key)) throw invalid();
  for (const segment of key.split("/")) {
    if (segment === "" || segment === "." || segment === "..") throw invalid();
  }
}

/** A list prefix may be empty or end with `/`; otherwise it follows the key rules. */
export function assertValidPrefix(prefix: string): void {
  if (prefix === "") return;
  assertValidKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
}

/** Byte-wise (code unit) order, the order Vercel Blob lists in, so both stores list identically. */
export const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
