import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Runs `body` while the database refuses any `session_event_batches` row whose body contains "poison" (a trigger
 * made for the call, raising 'poisoned batch' after the id rows were inserted), then drops the trigger.
 */
export async function withPoisonedBatchRowsRefused(db: Database, body: () => Promise<void>): Promise<void> {
  const suffix = crypto.randomUUID().replaceAll("-", "");
  await db.execute(
    sql.raw(`create function reject_poison_${suffix}() returns trigger as $$
      begin
        if new.body like '%poison%' then raise exception 'poisoned batch'; end if;
        return new;
      end;
      $$ language plpgsql`),
  );
  await db.execute(
    sql.raw(`create trigger reject_poison_${suffix} before insert on session_event_batches
      for each row execute function reject_poison_${suffix}()`),
  );
  try {
    await body();
  } finally {
    await db.execute(sql.raw(`drop trigger reject_poison_${suffix} on session_event_batches`));
    await db.execute(sql.raw(`drop function reject_poison_${suffix}()`));
  }
}
