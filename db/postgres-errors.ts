/**
 * Whether an error (or any error in its `cause` chain: Drizzle wraps driver errors) is a Postgres unique violation,
 * SQLSTATE 23505. PGlite, node-postgres and Neon all expose the SQLSTATE as `code`.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
