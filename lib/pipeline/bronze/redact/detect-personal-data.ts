import nlp from "compromise";
import { findNumbers } from "libphonenumber-js";
import type { Span } from "./detect-secrets";

// RFC 5322's dot-atom local part and a dotted domain: what people type and pages show, not every legal address.
const EMAIL =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+/g;
const HAS_LETTER_WORD = /[A-Z][a-z]|[a-z]{3}/;
const HAS_DIGITS = /\d{3}/;

export function findEmails(text: string): Span[] {
  if (!text.includes("@")) return [];
  return [...text.matchAll(EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: "email",
  }));
}

/** Phone numbers as libphonenumber finds them (national numbers read as US ones when no `+` country code). */
export function findPhones(text: string): Span[] {
  if (!HAS_DIGITS.test(text)) return [];
  return findNumbers(text, { defaultCountry: "US", v2: true }).map((found) => ({
    start: found.startsAt,
    end: found.endsAt,
    kind: "phone",
  }));
}

const TRAILING = /[^\p{L}]+$/u;

/** Person names as compromise's English tagger finds them (first names, full names, titled names). */
export function findNames(text: string): Span[] {
  if (text.length < 2 || !HAS_LETTER_WORD.test(text)) return [];
  const people = nlp(text).people().json({ offset: true }) as { offset: { start: number; length: number } }[];
  return people.flatMap(({ offset }) => {
    const raw = text.slice(offset.start, offset.start + offset.length);
    const name = raw.replace(TRAILING, "");
    return name.length >= 2 ? [{ start: offset.start, end: offset.start + name.length, kind: "name" }] : [];
  });
}
