import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hasNoNul, text } from "./text";

/**
 * Every string a schema in schemas/ accepts must refuse U+0000 (Postgres cannot store it): built from `text()`,
 * or a format whose pattern cannot match NUL (uuid, email, datetime, a regex). This walks every exported schema,
 * so a new `z.string()` added without the check fails here.
 */

type Node = { _zod: { def: Record<string, unknown> } };
const isSchema = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && "_zod" in value && "def" in (value as Node)._zod;

function refusesNul(def: Record<string, unknown>): boolean {
  const checks = (def.checks ?? []) as { _zod: { def: { fn?: unknown; pattern?: RegExp } } }[];
  if (checks.some((c) => c._zod.def.fn === hasNoNul)) return true;
  const patterns = [def.pattern, ...checks.map((c) => c._zod.def.pattern)].filter(
    (p): p is RegExp => p instanceof RegExp,
  );
  return patterns.some((p) => !p.test("a\u0000b") && !p.test("\u0000"));
}

function unguardedStrings(root: unknown, where: string, seen = new Set<unknown>()): string[] {
  if (!isSchema(root) || seen.has(root)) return [];
  seen.add(root);
  const def = root._zod.def;
  const found = def.type === "string" && !refusesNul(def) ? [where] : [];
  for (const [key, value] of Object.entries(def)) {
    if (key === "checks") continue;
    const children =
      key === "getter" && typeof value === "function"
        ? [(value as () => unknown)()]
        : Array.isArray(value)
          ? value
          : isSchema(value)
            ? [value]
            : value && typeof value === "object"
              ? Object.values(value)
              : [];
    children.forEach((child, index) => {
      const label = key === "shape" ? Object.keys(value as object)[index] : key;
      found.push(...unguardedStrings(child, `${where}.${label}`, seen));
    });
  }
  return found;
}

const schemaFiles = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("text inputs refuse U+0000", () => {
  it("text() refuses NUL and names the field", () => {
    const result = z.object({ name: text() }).safeParse({ name: "a\u0000b" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["name"]);
    expect(text().parse("ordinary text")).toBe("ordinary text");
  });

  it("finds an unguarded string (the walker can fail)", () => {
    expect(unguardedStrings(z.object({ a: z.array(z.string()) }), "probe")).toEqual(["probe.a.element"]);
  });

  it.each(schemaFiles)("every string in schemas/%s is built from text()", async (file) => {
    const mod = (await import(`./${file}`)) as Record<string, unknown>;
    const unguarded = Object.entries(mod).flatMap(([name, value]) => unguardedStrings(value, name));
    expect(unguarded).toEqual([]);
  });
});
