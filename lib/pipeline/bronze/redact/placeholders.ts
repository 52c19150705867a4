/**
 * Per-session pseudonyms: each distinct email, phone or name gets one placeholder of the same kind and format,
 * numbered in the order first seen, so `alice@acme.com` is `person1@example.com` in every event, action and
 * example of the session and tool arguments stay valid (an email is still an email). A name and an address
 * that share a first token (`Alice`, `alice.smith@…`) share the person number.
 */
export class Placeholders {
  private readonly people = new Map<string, number>();
  private readonly phones = new Map<string, string>();
  private readonly emails = new Map<string, string>();
  private readonly names = new Map<string, string>();

  private personOf(token: string): number {
    const key = token.toLowerCase();
    let n = this.people.get(key);
    if (n === undefined) {
      n = this.people.size + 1;
      this.people.set(key, n);
    }
    return n;
  }

  email(address: string): string {
    const key = address.toLowerCase();
    let placeholder = this.emails.get(key);
    if (!placeholder) {
      const local = key.split("@")[0] ?? key;
      placeholder = `person${this.personOf(local.split(/[._+-]/)[0] || local)}@example.com`;
      this.emails.set(key, placeholder);
    }
    return placeholder;
  }

  name(name: string): string {
    const key = name.toLowerCase();
    let placeholder = this.names.get(key);
    if (!placeholder) {
      placeholder = `Person ${this.personOf(key.split(/\s+/)[0] ?? key)}`;
      this.names.set(key, placeholder);
    }
    return placeholder;
  }

  /**
   * A phone number keeps its punctuation, its leading `+` and country code; its other digits become the
   * fictional 555-01xx range followed by a counter, so the shape (and a schema's pattern) still fits.
   */
  phone(number: string): string {
    const key = number.replace(/\D/g, "");
    let placeholder = this.phones.get(key);
    if (!placeholder) {
      const keep = number.trimStart().startsWith("+") ? countryCodeLength(key) : 0;
      const fill = `555010${String(this.phones.size + 1).padStart(4, "0")}`;
      const rest = key.length - keep;
      const digits =
        key.slice(0, keep) +
        (rest <= fill.length ? fill.slice(fill.length - rest) : fill.padStart(rest, "5"));
      let i = 0;
      placeholder = number.replace(/\d/g, () => digits[i++] ?? "0");
      this.phones.set(key, placeholder);
    }
    return placeholder;
  }
}

// ITU country codes are 1–3 digits; the common one-digit codes are 1 (NANP) and 7.
function countryCodeLength(digits: string): number {
  if (digits.startsWith("1") || digits.startsWith("7")) return 1;
  const two = Number(digits.slice(0, 2));
  return [
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
    60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
  ].includes(two)
    ? 2
    : 3;
}
