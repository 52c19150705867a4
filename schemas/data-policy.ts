import { z } from "zod";

export const redactionLevelSchema = z
  .enum(["off", "standard", "strict"])
  .describe(
    "`standard` (default): passwords, payment card numbers, secrets and tokens, one-time codes are masked before anything is stored. `strict`: also emails, phone numbers and person names, replaced by consistent placeholders per session (`person1@example.com`). `off`: passwords only.",
  );
export type RedactionLevel = z.infer<typeof redactionLevelSchema>;

export const redactionKindSchema = z.enum(["password", "card", "secret", "otp", "email", "phone", "name"]);
export type RedactionKind = z.infer<typeof redactionKindSchema>;

const retentionDays = z
  .number()
  .int()
  .min(0)
  .max(36_500)
  .nullable()
  .describe("Days to keep; `null` keeps forever; `0` deletes right after processing.");

export const retentionSchema = z.object({
  raw_days: retentionDays.describe(
    "Raw recordings: days to keep after upload (`0`: deleted after processing, `null`: forever).",
  ),
  derived_days: retentionDays.describe(
    "Derived artifacts (bronze, silver, gold layers): days to keep (`null`: forever).",
  ),
});

export const dataPolicySchema = z
  .object({ redaction: redactionLevelSchema, retention: retentionSchema })
  .describe("What is kept of an account's recordings, and for how long.");
export type DataPolicy = z.infer<typeof dataPolicySchema>;

export const updateDataPolicySchema = z
  .object({ redaction: redactionLevelSchema.optional(), retention: retentionSchema.partial().optional() })
  .refine((v) => v.redaction !== undefined || v.retention !== undefined, {
    message: "Give `redaction`, `retention` or both",
  });
export type UpdateDataPolicyInput = z.infer<typeof updateDataPolicySchema>;

export const DEFAULT_DATA_POLICY: DataPolicy = {
  redaction: "standard",
  retention: { raw_days: null, derived_days: null },
};
