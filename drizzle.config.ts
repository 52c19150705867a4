import { defineConfig } from "drizzle-kit";

// Migrations are generated (`npm run db:generate`) and committed; every database applies the same files.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
