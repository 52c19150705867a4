import { z } from "zod";

export const NUL_MESSAGE = "Must not contain NUL characters (U+0000)";

/**
 * Every text input of the API: a string without U+0000. Postgres `text` and `jsonb` cannot hold NUL, so a NUL
 * that got past the boundary would surface as a 500 from the database; refusing it here names the field instead
 * (422 with `errors[].field`). Every string in `schemas/` is built from this (a test walks them all).
 */
export const hasNoNul = (value: string) => !value.includes("\u0000");

export const text = () => z.string().refine(hasNoNul, { message: NUL_MESSAGE });

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any JSON value whose strings and keys are `text()` (z.json() would let a NUL through to a jsonb column). */
const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    text(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(text(), jsonValueSchema),
  ]),
);
export const jsonValue = () => jsonValueSchema;
