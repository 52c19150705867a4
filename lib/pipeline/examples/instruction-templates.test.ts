import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { humanDateTime, instructionTemplates, templateInstruction } from "./instruction-templates";

describe("tracepipe-rules-1 instruction templates", () => {
  it("has a template for every catalog action, and every template mentions the parameter values", () => {
    for (const suite of getBundledCatalog().suites) {
      for (const action of suite.actions) {
        expect(instructionTemplates[action.slug], action.slug).toBeDefined();
        const parameters = Object.fromEntries(
          action.parameters.map((p) => [
            p.name,
            p.type === "string[]"
              ? [`${p.name}@example.com`]
              : p.type === "integer"
                ? 7
                : p.type === "boolean"
                  ? true
                  : p.type === "datetime"
                    ? "2025-12-02T10:00:00"
                    : `value-of-${p.name}`,
          ]),
        );
        const text = templateInstruction(action.slug, action.name, parameters);
        for (const [name, value] of Object.entries(parameters)) {
          if (typeof value === "string" && !value.startsWith("2025"))
            expect(text, `${action.slug}.${name}`).toContain(value);
          if (Array.isArray(value)) expect(text, `${action.slug}.${name}`).toContain(value[0]);
        }
      }
    }
  });

  it("writes dates as a person would read them, without time zone arithmetic", () => {
    expect(humanDateTime("2025-12-02T14:30:00")).toBe("Tuesday, December 2, 2025 at 2:30 PM");
    expect(humanDateTime("2025-12-02")).toBe("Tuesday, December 2, 2025");
  });

  it("falls back to a generic sentence for an action without a template", () => {
    expect(templateInstruction("archive_thread", "Archive a thread", { thread: "t-1" })).toBe(
      "Archive a thread (thread: t-1).",
    );
  });
});
