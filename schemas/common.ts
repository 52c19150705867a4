import { z } from "zod";
import { text } from "./text";

/** Shapes shared by every /v1 endpoint: problem documents, pagination and id-or-slug path parameters. */

export const problemSchema = z
  .object({
    type: text().describe(
      "A stable URI naming the problem, e.g. `https://tracepipe.dev/problems/not_found`.",
    ),
    title: text(),
    status: z.number().int(),
    detail: text().describe("What went wrong, written for the caller."),
    instance: text().optional(),
    request_id: text().optional(),
    errors: z
      .array(z.object({ field: text(), code: text(), message: text() }))
      .optional()
      .describe("Per-field validation errors (422)."),
  })
  .meta({
    id: "Problem",
    description: "An RFC 9457 problem document (`application/problem+json`).",
    example: {
      type: "https://tracepipe.dev/problems/not_found",
      title: "Not Found",
      status: 404,
      detail: "Session not found",
      request_id: "5f0c2c1e-0d6f-4a8e-9b59-0f3f8d1b2a77",
    },
  });

export const idOrSlugSchema = text()
  .min(1)
  .max(200)
  .describe("A UUID or the slug of the resource.")
  .meta({ example: "gmail" });

export const uuidParamSchema = z.uuid().describe("The resource's UUID.");

export const cursorSchema = text()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/)
  .describe("Opaque cursor from the previous page's `next_cursor`.");

export const limitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .describe("Page size, 1–200 (default 50).");

export const timestampSchema = z.iso.datetime({ offset: true }).meta({ example: "2026-11-21T12:00:00.000Z" });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
