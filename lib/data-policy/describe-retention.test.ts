import { describe, expect, it } from "vitest";
import { describeRetention } from "./describe-retention";

const completedAt = new Date("2026-03-01T10:00:00Z");

describe("describeRetention", () => {
  it("states what remains in one sentence", () => {
    const none = { completedAt, rawDeletedAt: null, derivedDeletedAt: null };
    expect(describeRetention(none, { raw_days: null, derived_days: null }).notice).toBe(
      "Raw recording kept. Examples are kept.",
    );
    expect(describeRetention(none, { raw_days: 30, derived_days: 90 })).toMatchObject({
      raw_delete_at: "2026-03-31T10:00:00.000Z",
      notice:
        "Raw recording kept for 30 days, until 2026-03-31. Processed layers kept until 2026-05-30. Examples are kept.",
    });
    const deleted = { completedAt, rawDeletedAt: new Date("2026-03-31T11:00:00Z"), derivedDeletedAt: null };
    expect(describeRetention(deleted, { raw_days: 30, derived_days: null }).notice).toBe(
      "Raw recording deleted after 30 days. Examples are kept.",
    );
    expect(describeRetention(deleted, { raw_days: 0, derived_days: null }).notice).toBe(
      "Raw recording deleted after processing. Examples are kept.",
    );
  });
});
