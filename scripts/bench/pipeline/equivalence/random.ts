/** Seeded choices for the equivalence corpus: the same records on every run. */

export type Random = () => number;

/** mulberry32: a seeded PRNG, so the cases are the same on every run. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Sets `key` to a value from `values`, or leaves it out when the pick is `undefined`. */
export function maybe(
  out: Record<string, unknown>,
  random: Random,
  key: string,
  values: readonly unknown[],
): void {
  const value = pick(random, values);
  if (value !== undefined) out[key] = value;
}

/** Page URLs, including ones importers skip or reject. */
export const URLS = [
  "https://mail.google.com/mail/u/0/#inbox",
  "https://github.com/octo/hello/issues/new",
  "https://calendar.google.com/calendar/u/0/r/week",
  "about:blank",
  "chrome://newtab/",
  "",
  5,
  undefined,
];
