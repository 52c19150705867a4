import fs from "node:fs";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { getDatabaseMode, getEnv } from "@/lib/env";
import { ensureDatabaseReady } from "./bootstrap";
import { closeDb, getDb } from "./client";
import { migrateDatabase } from "./migrate";
import { seedCatalog } from "./seed-catalog";

// `npm run db:migrate | db:seed | db:reset`. Reset only removes the embedded database's folder; a Postgres
// server is never dropped from here.
async function main(command: string | undefined) {
  const env = getEnv();
  switch (command) {
    case "migrate":
      await migrateDatabase();
      break;
    case "seed":
      await ensureDatabaseReady();
      await seedCatalog(await getDb(), getBundledCatalog());
      break;
    case "reset":
      if (getDatabaseMode(env) !== "pglite") throw new Error("db:reset only resets the embedded database");
      fs.rmSync(env.dataDir, { recursive: true, force: true });
      await ensureDatabaseReady();
      break;
    default:
      throw new Error("usage: db/cli.ts migrate|seed|reset");
  }
  await closeDb();
  process.stdout.write(`db ${command}: done (${getDatabaseMode(env)})\n`);
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
