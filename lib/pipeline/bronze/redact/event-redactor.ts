import type { RedactionLevel } from "@/schemas/data-policy";
import type { CanonicalEvent, EventTarget } from "@/schemas/events";
import { isPrintableKey } from "../mask-values";
import { findEmails, findNames, findPhones } from "./detect-personal-data";
import { findSecrets, mergeSpans, type RedactionKind, type Span } from "./detect-secrets";
import { Placeholders } from "./placeholders";

/** How much of an event's text a field holds, which decides what is looked for in it. */
type FieldClass = "typed" | "page" | "locator";

const TYPING = new Set(["input", "change", "keydown", "keyup", "paste"]);
const SECRET_FIELD =
  /verification[- ]?code|security[- ]?code|auth(?:entication)?[- ]?code|\b2fa\b|\btotp\b|\bmfa\b|\bcvc\b|\bcvv\b|card[- ]?number|\bcc-(?:number|csc)\b|api[- ]?key|secret|token/i;

export interface RedactionCounts {
  redactedCount: number;
}

interface Learned {
  original: string;
  kind: RedactionKind;
}

/**
 * Bronze's redaction for one session at one level. `learn` sees every event as it arrives; `apply` rewrites it
 * when it leaves the reorder window (up to 4096 events later), so a field's partial values typed before the
 * whole card number or address appeared ("alice@ac" before "alice@acme.com") are replaced the same way.
 * Placeholders are numbered in the order events leave (time order), so a re-run names everyone the same.
 *
 * - `standard`: card numbers (Luhn), known-prefix secrets, JWTs, random-looking tokens and one-time codes are
 *   replaced by `*` of the same length (a value that becomes all `*` is then masked and never a parameter).
 * - `strict`: also emails, phone numbers and person names, by per-session placeholders of the same format.
 * - `off`: nothing here (passwords are still dropped by `maskEventValues`).
 */
export class EventRedactor {
  private readonly placeholders = new Placeholders();
  private readonly learnedByField = new Map<string, Learned[]>();
  private readonly nameCache = new Map<string, Span[]>();

  constructor(readonly level: RedactionLevel) {}

  get isActive(): boolean {
    return this.level !== "off";
  }

  learn(event: CanonicalEvent): void {
    if (!this.isActive || !TYPING.has(event.type) || typeof event.value !== "string") return;
    const field = fieldOf(event.target);
    if (!field) return;
    const spans = this.spansOf(event.value, "typed");
    if (spans.length === 0) return;
    let learned = this.learnedByField.get(field);
    if (!learned) {
      learned = [];
      this.learnedByField.set(field, learned);
    }
    for (const span of spans) {
      const original = event.value.slice(span.start, span.end);
      if (!learned.some((l) => l.original === original)) learned.push({ original, kind: span.kind });
    }
  }

  /**
   * Whether anything in the event needs rewriting. Bronze runs this for every event; the answer is almost always
   * no, and then `apply` allocates nothing.
   */
  private needsWork(event: CanonicalEvent): boolean {
    const field = fieldOf(event.target);
    if (TYPING.has(event.type) && field && (this.learnedByField.has(field) || isSecretField(event.target)))
      return true;
    const t = event.target;
    const has = (text: string | null | undefined, cls: FieldClass) =>
      typeof text === "string" && text.length > 0 && this.spansOf(text, cls).length > 0;
    if (
      has(event.value, "typed") ||
      has(event.data, "typed") ||
      has(event.title, "page") ||
      has(event.url, "locator")
    )
      return true;
    if (!t) return false;
    if (
      has(t.text, "typed") ||
      has(t.label, "page") ||
      has(t.ariaLabel, "page") ||
      has(t.placeholder, "page")
    )
      return true;
    if (
      has(t.selector, "locator") ||
      has(t.href, "locator") ||
      has(t.name, "locator") ||
      has(t.id, "locator")
    )
      return true;
    if (t.attributes) for (const v of Object.values(t.attributes)) if (has(v, "locator")) return true;
    return false;
  }

  apply(event: CanonicalEvent, counts: RedactionCounts): CanonicalEvent {
    if (!this.isActive || !this.needsWork(event)) return event;
    const kinds = new Set<RedactionKind>();
    const redact = (text: string | undefined, field: FieldClass) => {
      if (text === undefined || text.length === 0) return text;
      return this.redactText(text, field, kinds);
    };
    const next: CanonicalEvent = { ...event };
    const fieldKey = fieldOf(event.target);
    const isTyping = TYPING.has(event.type);
    if (typeof event.value === "string") {
      const whole = isTyping && fieldKey ? this.partialOf(event.value, fieldKey, kinds) : undefined;
      next.value = whole ?? redact(event.value, "typed") ?? event.value;
    }
    if (event.data !== undefined) next.data = redact(event.data, "typed");
    if (event.title !== undefined) next.title = redact(event.title, "page");
    if (event.url !== undefined) next.url = redact(event.url, "locator");
    if (event.target) next.target = this.redactTarget(event.target, kinds);
    if (isTyping && fieldKey && (this.learnedByField.has(fieldKey) || isSecretField(event.target))) {
      // The keys and inserted characters of a field holding redacted text spell it out one by one.
      if (isSecretField(event.target) && typeof next.value === "string") {
        next.value = "*".repeat(next.value.length);
        kinds.add("secret");
      }
      const isSpelling = next.data !== undefined || isPrintableKey(next.key);
      delete next.data;
      if (isPrintableKey(next.key)) {
        delete next.key;
        delete next.code;
      }
      if (isSpelling) for (const l of this.learnedByField.get(fieldKey) ?? []) kinds.add(l.kind);
      if (isSpelling && kinds.size === 0) kinds.add("secret");
    }
    if (kinds.size === 0) return event;
    counts.redactedCount++;
    next.redacted = [...new Set([...(event.redacted ?? []), ...kinds])].sort();
    return next;
  }

  private redactTarget(target: EventTarget, kinds: Set<RedactionKind>): EventTarget {
    const out: EventTarget = { ...target };
    const page = ["text", "label", "ariaLabel", "placeholder"] as const;
    for (const key of page) {
      const value = target[key];
      if (value) out[key] = this.redactText(value, key === "text" ? "typed" : "page", kinds);
    }
    for (const key of ["selector", "href", "name", "id"] as const) {
      const value = target[key];
      if (value) out[key] = this.redactText(value, "locator", kinds);
    }
    if (target.attributes) {
      out.attributes = Object.fromEntries(
        Object.entries(target.attributes).map(([k, v]) => [k, this.redactText(v, "locator", kinds)]),
      );
    }
    return out;
  }

  /** A typed value that is the beginning of something learned in the same field: the same beginning of its replacement. */
  private partialOf(value: string, field: string, kinds: Set<RedactionKind>): string | undefined {
    const learned = this.learnedByField.get(field);
    if (!learned || value.length === 0) return undefined;
    // The longest learned text this value begins (an address over the name typed on the way to it).
    const candidates = learned
      .filter(({ original }) => value.length < original.length && original.startsWith(value))
      .sort((a, b) => b.original.length - a.original.length);
    for (const { original, kind } of candidates) {
      kinds.add(kind);
      const replacement = this.replacementOf(original, kind);
      if (kind !== "email") return replacement.slice(0, value.length);
      const local = original.slice(0, original.indexOf("@"));
      const [placeholderLocal = "", placeholderDomain = ""] = replacement.split("@");
      if (!value.includes("@"))
        return value.length >= local.length ? placeholderLocal : placeholderLocal.slice(0, value.length);
      return `${placeholderLocal}@${placeholderDomain.slice(0, value.length - local.length - 1)}`;
    }
    return undefined;
  }

  private redactText(text: string, field: FieldClass, kinds: Set<RedactionKind>): string {
    const spans = this.spansOf(text, field);
    if (spans.length === 0) return text;
    let out = "";
    let at = 0;
    for (const span of spans) {
      kinds.add(span.kind);
      out += text.slice(at, span.start) + this.replacementOf(text.slice(span.start, span.end), span.kind);
      at = span.end;
    }
    return out + text.slice(at);
  }

  private spansOf(text: string, field: FieldClass): Span[] {
    const spans = findSecrets(text, { highEntropy: field === "typed" });
    if (this.level === "strict") {
      spans.push(...findEmails(text));
      if (field !== "locator") spans.push(...findPhones(text), ...this.namesOf(text));
    }
    return spans.length > 1 ? mergeSpans(spans) : spans;
  }

  private namesOf(text: string): Span[] {
    let spans = this.nameCache.get(text);
    if (!spans) {
      spans = findNames(text);
      // Page texts repeat (titles, labels): the tagger runs once per distinct text, within a bound.
      if (this.nameCache.size > 10_000) this.nameCache.clear();
      this.nameCache.set(text, spans);
    }
    return spans;
  }

  private replacementOf(original: string, kind: RedactionKind): string {
    switch (kind) {
      case "email":
        return this.placeholders.email(original);
      case "phone":
        return this.placeholders.phone(original);
      case "name":
        return this.placeholders.name(original);
      default:
        return "*".repeat(original.length);
    }
  }
}

function fieldOf(target: EventTarget | undefined): string | undefined {
  if (!target) return undefined;
  return target.selector ?? target.id ?? target.name ?? target.ariaLabel ?? target.label;
}

function isSecretField(target: EventTarget | undefined): boolean {
  if (!target) return false;
  const autocomplete = target.attributes?.autocomplete ?? "";
  if (/\bcc-(?:number|csc)\b|one-time-code/.test(autocomplete)) return true;
  const descriptor = [target.name, target.id, target.label, target.ariaLabel, target.placeholder]
    .filter(Boolean)
    .join(" ");
  return descriptor.length > 0 && SECRET_FIELD.test(descriptor) && target.tag !== "button";
}
