// Kept apart from zoned-time.ts so that schemas (and the browser's upload form) can validate a zone without the
// zone-math library.

const validity = new Map<string, boolean>();

/** An IANA zone name the runtime knows (`Europe/Berlin`, `Etc/GMT-2`, `UTC`); offsets like `+02:00` are not names. */
export function isValidTimeZone(timeZone: string): boolean {
  let valid = validity.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      // Intl also accepts offset strings in newer runtimes; a session's zone must be a name.
      valid = /^[A-Za-z]/.test(timeZone);
    } catch {
      valid = false;
    }
    if (validity.size < 1000) validity.set(timeZone, valid);
  }
  return valid;
}
