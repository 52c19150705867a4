import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { argumentErrors } from "@/lib/pipeline/examples/validate-arguments";
import { fieldsOf, initialValues, parseDateTime, toArguments } from "./schema-form-fields";

const tool = (name: string) => {
  const found = getBundledCatalog()
    .mcp_servers.flatMap((s) => s.tools)
    .find((t) => t.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe("the tool-call form", () => {
  it("has a field for every argument of every catalog tool, of a kind it can edit", () => {
    for (const t of getBundledCatalog().mcp_servers.flatMap((s) => s.tools)) {
      const fields = fieldsOf(t.input_schema);
      expect(fields.map((f) => f.name)).toEqual(Object.keys(t.input_schema.properties as object));
    }
    const event = fieldsOf(tool("create-event").input_schema);
    expect(event.find((f) => f.name === "start")).toMatchObject({ kind: "datetime", isRequired: true });
    expect(event.find((f) => f.name === "attendees")).toMatchObject({ kind: "list", itemProperty: "email" });
    expect(fieldsOf(tool("issue_write").input_schema).find((f) => f.name === "method")?.kind).toBe("enum");
  });

  it("writes wall-clock times with the session zone's offset for that date (DST), and keeps explicit offsets", () => {
    expect(parseDateTime("2026-12-02 14:30", "America/New_York")).toBe("2026-12-02T14:30:00-05:00");
    expect(parseDateTime("2026-07-02T14:30", "America/New_York")).toBe("2026-07-02T14:30:00-04:00");
    expect(parseDateTime("2026-03-29 12:00", "Europe/Berlin")).toBe("2026-03-29T12:00:00+02:00");
    expect(parseDateTime("2026-12-02 14:30+01:00", null)).toBe("2026-12-02T14:30:00+01:00");
    // Without a zone a wall-clock time stays as typed, and the schema refuses it: never a silent UTC.
    expect(parseDateTime("2026-12-02 14:30", null)).toBe("2026-12-02 14:30");
    expect(parseDateTime("tomorrow", "Europe/Berlin")).toBe("tomorrow");
  });

  it("round-trips a proposal, and turns typed values into arguments the tool's schema accepts", () => {
    const t = tool("create-event");
    const fields = fieldsOf(t.input_schema);
    const zone = "America/New_York";
    const proposal = { calendarId: "primary", start: "2026-12-02T14:30:00-05:00" };
    const values = initialValues(fields, proposal, zone);
    expect(values).toMatchObject({ calendarId: "primary", start: "2026-12-02 14:30", summary: "" });
    expect(toArguments(fields, values, zone)).toEqual(proposal);
    expect(argumentErrors(t, toArguments(fields, values, zone)).map((e) => e.path)).toEqual([
      "summary",
      "end",
    ]);
    const filled = {
      ...values,
      summary: "Design review",
      end: "2026-12-02 15:30",
      attendees: "grace@example.com, alan@example.org",
    };
    const args = toArguments(fields, filled, zone);
    expect(args).toEqual({
      calendarId: "primary",
      summary: "Design review",
      start: "2026-12-02T14:30:00-05:00",
      end: "2026-12-02T15:30:00-05:00",
      attendees: [{ email: "grace@example.com" }, { email: "alan@example.org" }],
    });
    expect(argumentErrors(t, args)).toEqual([]);
    expect(initialValues(fields, args, zone).attendees).toBe("grace@example.com, alan@example.org");
  });

  it("coerces integers and booleans, and leaves bad text for the schema to name", () => {
    const t = tool("add_issue_comment");
    const fields = fieldsOf(t.input_schema);
    const args = toArguments(fields, { owner: "o", repo: "r", issue_number: "12", body: "hi" }, null);
    expect(args.issue_number).toBe(12);
    const bad = toArguments(fields, { owner: "o", repo: "r", issue_number: "twelve", body: "hi" }, null);
    expect(argumentErrors(t, bad).map((e) => e.path)).toEqual(["issue_number"]);
    const repo = fieldsOf(tool("create_repository").input_schema);
    expect(toArguments(repo, { name: "x", private: true }, null)).toEqual({ name: "x", private: true });
    expect(toArguments(repo, { name: "x", private: false }, null)).toEqual({ name: "x" });
  });
});
