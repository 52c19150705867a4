import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  migrationsBefore,
  openPglite,
  openScratchPostgres,
  type Target,
} from "@/test/helpers/migration-targets";
import { migrationsFolder } from "./client";

// Migration 0016 moves the payer from the user to the workspace: each user's Stripe customer, card, subscription and
// billing status go to their personal workspace (id = user id). It runs here on a database populated in the old shape.

const MIGRATION = "0016_workspace-billing";

async function checkMigration(target: Target) {
  await target.migrate(migrationsBefore(MIGRATION));
  const [payer, free] = [crypto.randomUUID(), crypto.randomUUID()];
  await target.execute(sql`insert into users (id, email, display_name, stripe_customer_id, default_payment_method_id,
      card_brand, card_last4, card_exp_month, card_exp_year, stripe_subscription_id, billing_status)
    values (${payer}, 'payer@example.test', 'payer', 'cus_payer', 'pm_1', 'visa', '4242', 12, 2030, 'sub_1', 'past_due')`);
  await target.execute(
    sql`insert into users (id, email, display_name) values (${free}, 'free@example.test', 'free')`,
  );

  await target.migrate(migrationsFolder);

  const rows = await target.execute<Record<string, unknown>>(
    sql`select id, stripe_customer_id, default_payment_method_id, card_brand, card_last4, card_exp_month,
          card_exp_year, stripe_subscription_id, billing_status from workspaces order by stripe_customer_id nulls last`,
  );
  expect(rows).toEqual([
    {
      id: payer,
      stripe_customer_id: "cus_payer",
      default_payment_method_id: "pm_1",
      card_brand: "visa",
      card_last4: "4242",
      card_exp_month: 12,
      card_exp_year: 2030,
      stripe_subscription_id: "sub_1",
      billing_status: "past_due",
    },
    {
      id: free,
      stripe_customer_id: null,
      default_payment_method_id: null,
      card_brand: null,
      card_last4: null,
      card_exp_month: null,
      card_exp_year: null,
      stripe_subscription_id: null,
      billing_status: "none",
    },
  ]);
  const userColumns = await target.execute<{ column_name: string }>(
    sql`select column_name from information_schema.columns where table_name = 'users' and column_name like '%stripe%'`,
  );
  expect(userColumns).toEqual([]);
  // One customer pays for one workspace.
  await expect(
    target.execute(sql`update workspaces set stripe_customer_id = 'cus_payer' where id = ${free}`),
  ).rejects.toThrow();
}

describe(`migration ${MIGRATION}`, () => {
  it("moves each user's billing to their personal workspace on PGlite", async () => {
    const target = await openPglite();
    try {
      await checkMigration(target);
    } finally {
      await target.close();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "moves each user's billing to their personal workspace on the Postgres server",
    async () => {
      const target = await openScratchPostgres(process.env.DATABASE_URL ?? "");
      try {
        await checkMigration(target);
      } finally {
        await target.close();
      }
    },
  );
});
