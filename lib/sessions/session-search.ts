/**
 * The list's `q` as SQL patterns. Text goes into `ilike`, so its `%`, `_` and `\` are escaped (backslash is
 * Postgres' default LIKE escape) and match themselves, not "anything".
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface SessionSearch {
  /** `%text%`, escaped: matched case-insensitively against the description and the suite's name and slug. */
  contains: string;
  /** `prefix%` when the text can be the start of a session id (hex digits and dashes), else undefined. */
  idPrefix?: string;
}

export function toSessionSearch(q: string): SessionSearch {
  const text = q.trim();
  const lower = text.toLowerCase();
  return {
    contains: `%${escapeLikePattern(text)}%`,
    // Ids are stored lowercase; a prefix is only tried when it can be one, so "gmail" does not cast every id.
    idPrefix: /^[0-9a-f-]{1,36}$/.test(lower) ? `${lower}%` : undefined,
  };
}
