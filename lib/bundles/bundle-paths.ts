/**
 * Paths inside a session bundle. Examples are numbered in creation order, not by id, so a bundle exported again
 * after an import names (and checksums) every file the same.
 */
export const BUNDLE_PATHS = {
  manifest: "manifest.json",
  session: "session.json",
  reviewItems: "review-items.jsonl",
  /** A raw file under its stored name (`1-input_events.jsonl`): already numbered and safe. */
  raw: (storedName: string) => `raw/${storedName}`,
  artifact: (name: string) => `artifacts/${name}`,
  example: (index: number) => `examples/${index + 1}/example.json`,
  exampleMessages: (index: number) => `examples/${index + 1}/messages.jsonl`,
};

/** Every path a bundle may hold; anything else is refused (no `..`, no absolute paths, no surprises). */
export const BUNDLE_PATH_PATTERN =
  /^(?:manifest\.json|session\.json|review-items\.jsonl|raw\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,130}|artifacts\/[a-z-]{1,40}\.jsonl|examples\/\d{1,4}\/(?:example\.json|messages\.jsonl))$/;

/** The session's own id, written as this placeholder in the bundle (metrics name its storage keys). */
export const SESSION_PLACEHOLDER = "{session}";
