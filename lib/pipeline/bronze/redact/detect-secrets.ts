import type { RedactionKind } from "@/schemas/data-policy";

export type { RedactionKind };

export interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** Luhn's mod-10 check over the digits of a candidate card number. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// 13–19 digits, optionally grouped by single spaces or dashes (how people type and pages show card numbers).
const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const HAS_DIGIT_RUN = /\d{3}/;

// Vendors' documented token prefixes: Stripe, GitHub, Slack, AWS, OpenAI/Anthropic, Google, GitLab, npm, Twilio.
const KNOWN_SECRET =
  /\b(?:(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|(?:AKIA|ASIA)[A-Z0-9]{16}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|AIza[A-Za-z0-9_-]{35}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|SK[0-9a-f]{32})\b/g;
// One cheap test before the full patterns: most page texts and URLs contain none of these beginnings.
const SECRET_HINT =
  /[sr]k_|pk_|whsec_|gh[pousr]_|github_pat_|xox|AKIA|ASIA|sk-|AIza|glpat-|npm_|SK[0-9a-f]|eyJ/;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
const TOKEN_CANDIDATE = /[A-Za-z0-9+/_=-]{24,}/g;
// A one-time code shown or typed next to the words that announce it ("Your verification code is 482 913").
const OTP_IN_TEXT =
  /\b(?:code|otp|passcode|one-time password|verification|2fa|pin)\b[^\d\n]{0,24}(\d{3}[ -]?\d{3}|\d{4,8})\b/gi;

/** Shannon entropy in bits per character. */
export function entropyOf(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A random-looking token: long, letters and digits mixed, close to the entropy of random base64/hex. Words,
 * paths and kebab-case names stay well below 4 bits per character at these lengths.
 */
export function isHighEntropyToken(token: string): boolean {
  if (token.length < 24 || !/\d/.test(token) || !/[A-Za-z]/.test(token)) return false;
  const isHex = /^[0-9a-f]+$/i.test(token);
  return entropyOf(token) >= (isHex ? 3.5 : 4.2);
}

export interface SecretScan {
  /** Also look for random-looking tokens (typed and page text; not URLs and selectors, where ids look random). */
  highEntropy: boolean;
}

/** Spans of card numbers, known-prefix secrets, JWTs, one-time codes (and random tokens) in `text`. */
export function findSecrets(text: string, scan: SecretScan): Span[] {
  const spans: Span[] = [];
  if (HAS_DIGIT_RUN.test(text)) {
    for (const match of text.matchAll(CARD_CANDIDATE)) {
      if (isLuhnValid(match[0].replace(/[ -]/g, "")))
        spans.push({ start: match.index, end: match.index + match[0].length, kind: "card" });
    }
    for (const match of text.matchAll(OTP_IN_TEXT)) {
      const code = match[1] ?? "";
      const start = match.index + match[0].length - code.length;
      spans.push({ start, end: start + code.length, kind: "otp" });
    }
  }
  if (text.length >= 20 && SECRET_HINT.test(text)) {
    for (const pattern of [KNOWN_SECRET, JWT]) {
      for (const match of text.matchAll(pattern))
        spans.push({ start: match.index, end: match.index + match[0].length, kind: "secret" });
    }
  }
  if (text.length >= 24) {
    if (scan.highEntropy) {
      for (const match of text.matchAll(TOKEN_CANDIDATE)) {
        if (isHighEntropyToken(match[0]))
          spans.push({ start: match.index, end: match.index + match[0].length, kind: "secret" });
      }
    }
  }
  return spans;
}

/** Spans merged where they overlap (the earliest wins), in order. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}
