import type { DataPolicy } from "@/schemas/data-policy";

const DAY_MS = 86_400_000;

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);
const dateOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * What retention keeps of one session, as dates and one sentence for the session page: which data is gone and
 * when, which will go and when. Derived from the policy now in force and the session's own dates.
 */
export function describeRetention(
  session: { completedAt: Date | null; rawDeletedAt: Date | null; derivedDeletedAt: Date | null },
  policy: DataPolicy["retention"],
) {
  const deleteAt = (limit: number | null) =>
    limit === null || !session.completedAt ? null : new Date(session.completedAt.getTime() + limit * DAY_MS);
  const rawDeleteAt = session.rawDeletedAt ? null : deleteAt(policy.raw_days);
  const derivedDeleteAt = session.derivedDeletedAt ? null : deleteAt(policy.derived_days);
  const parts: string[] = [];
  if (session.rawDeletedAt) {
    parts.push(
      policy.raw_days === 0
        ? "Raw recording deleted after processing."
        : policy.raw_days !== null
          ? `Raw recording deleted after ${days(policy.raw_days)}.`
          : `Raw recording deleted on ${dateOf(session.rawDeletedAt)}.`,
    );
  } else if (rawDeleteAt) {
    parts.push(`Raw recording kept for ${days(policy.raw_days ?? 0)}, until ${dateOf(rawDeleteAt)}.`);
  } else {
    parts.push("Raw recording kept.");
  }
  if (session.derivedDeletedAt)
    parts.push(`Processed layers deleted on ${dateOf(session.derivedDeletedAt)}.`);
  else if (derivedDeleteAt) parts.push(`Processed layers kept until ${dateOf(derivedDeleteAt)}.`);
  parts.push("Examples are kept.");
  return {
    raw_deleted_at: session.rawDeletedAt?.toISOString() ?? null,
    raw_delete_at: rawDeleteAt?.toISOString() ?? null,
    derived_deleted_at: session.derivedDeletedAt?.toISOString() ?? null,
    derived_delete_at: derivedDeleteAt?.toISOString() ?? null,
    notice: parts.join(" "),
  };
}
