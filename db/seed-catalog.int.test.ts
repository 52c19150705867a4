import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { suiteId, toolId } from "@/lib/catalog/catalog-ids";
import { getDb } from "./client";
import { actions, actionToolParameterMappings, suites, tools } from "./schema";
import { seedCatalog } from "./seed-catalog";
import { closeTestDatabase, openTestDatabase } from "./test-database";

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

async function snapshot() {
  const db = await getDb();
  return {
    suites: await db.select().from(suites).orderBy(suites.id),
    actions: await db.select().from(actions).orderBy(actions.id),
    tools: await db.select().from(tools).orderBy(tools.id),
    parameterMappings: await db
      .select()
      .from(actionToolParameterMappings)
      .orderBy(actionToolParameterMappings.id),
  };
}

describe("catalog seed", () => {
  it("seeds every suite, action and tool of db/catalog.json with slug-derived ids", async () => {
    const catalog = getBundledCatalog();
    const db = await getDb();
    const [{ value: actionCount }] = (await db.select({ value: count() }).from(actions)) as [
      { value: number },
    ];
    expect(actionCount).toBe(catalog.suites.reduce((n, s) => n + s.actions.length, 0));
    const [gmail] = await db.select().from(suites).where(eq(suites.slug, "gmail"));
    expect(gmail?.id).toBe(suiteId("gmail"));
    const [createEvent] = await db.select().from(tools).where(eq(tools.name, "create-event"));
    expect(createEvent?.id).toBe(toolId("google-calendar-mcp", "create-event"));
  });

  it("is idempotent: a second run changes no row and no id", async () => {
    const before = await snapshot();
    await seedCatalog(await getDb(), getBundledCatalog());
    expect(await snapshot()).toEqual(before);
  });

  it("keeps constants and transforms of the action-tool maps", async () => {
    const db = await getDb();
    const rows = await db.select().from(actionToolParameterMappings);
    expect(rows.some((r) => r.constant === "primary")).toBe(true);
    expect(rows.filter((r) => r.transform === "datetime_iso8601")).toHaveLength(2);
    expect(rows.some((r) => r.transform === "emails_to_attendees")).toBe(true);
  });
});
