import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionsRoute from "@/app/v1/sessions/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestCaller } from "@/db/test-factories";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { callRoute } from "@/test/helpers/call-route";

/**
 * Generated from the route list: every route handler under app/ gets U+0000 in each text input it has — each path
 * parameter, each query parameter its OpenAPI operation declares, and each string of its JSON body (the
 * operation's example plus every string property of its schema). The answer is never a 5xx; from the routes
 * behind the API wrappers it is a 400/422 problem naming the field (or a 207 naming the rejected event's field).
 */

const NUL = "x\u0000y";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const appDir = import.meta.dirname;
/**
 * Routes where only "never a 5xx" holds: outside the API wrappers, answered by libraries (Auth.js, Inngest's
 * serve), or switched off here (the Vercel Blob token route answers 404 without BLOB_READ_WRITE_TOKEN).
 */
const UNCHECKED_ROUTES = new Set(["api/auth/[...nextauth]", "api/inngest", "v1/uploads/blob"]);

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response> | Response;
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  example?: unknown;
  examples?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  default?: unknown;
};
type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

function findRouteFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const document = buildOpenApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};

function resolve(schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split("/").pop() ?? ""]);
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative) return resolve(alternative.find((s) => resolve(s).type !== "null") ?? alternative[0]);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
}

/** A plausible value for a schema: its example, else one built from its properties. */
function sample(input: JsonSchema | undefined, depth = 0): unknown {
  const schema = resolve(input);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.examples?.[0] !== undefined) return structuredClone(schema.examples[0]);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" || schema.properties) {
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value, depth + 1)]),
    );
  }
  if (type === "array") return depth > 4 ? [] : [sample(schema.items, depth + 1)];
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000001";
  if (schema.format === "date-time") return "2026-11-21T12:00:00.000Z";
  return "text";
}

/** Paths of every free-text string the schema accepts (enums and formatted strings are not free text). */
function stringPaths(
  input: JsonSchema | undefined,
  prefix: (string | number)[] = [],
  depth = 0,
): (string | number)[][] {
  const schema = resolve(input);
  if (depth > 5) return [];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" || schema.properties) {
    return Object.entries(schema.properties ?? {}).flatMap(([key, value]) =>
      stringPaths(value, [...prefix, key], depth + 1),
    );
  }
  if (type === "array") return stringPaths(schema.items, [...prefix, 0], depth + 1);
  if (type === "string" && !schema.enum && !schema.format) return [prefix];
  return [];
}

function childSchema(input: JsonSchema | undefined, key: string | number): JsonSchema | undefined {
  const schema = resolve(input);
  return typeof key === "number" ? schema.items : schema.properties?.[key];
}

/** `base` with `value` at `at`; an object missing on the way is filled with a sample, so only `at` is wrong. */
function withValueAt(schema: JsonSchema, base: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  let nodeSchema: JsonSchema | undefined = schema;
  for (const [i, key] of at.entries()) {
    nodeSchema = childSchema(nodeSchema, key);
    if (i === at.length - 1) node[key] = value;
    else {
      if (node[key] === undefined || node[key] === null || typeof node[key] !== "object")
        node[key] = sample(nodeSchema);
      node = node[key] as Record<string | number, unknown>;
    }
  }
  return copy;
}

let dataDir: string;
let headers: Record<string, string>;
const realParams: Record<string, string> = {};

beforeAll(async () => {
  // One key sends a request per route × text input (more than a burst allows): lift its rate limit so every request
  // reaches the input checks under test instead of a 429.
  process.env.RATE_LIMIT_KEY_RPS = "1000000";
  process.env.RATE_LIMIT_USER_RPS = "1000000";
  ({ dataDir } = await openTestDatabase());
  const caller = await createTestCaller();
  headers = caller.headers;
  const opened = await callRoute(sessionsRoute.POST, {
    method: "POST",
    path: "/v1/sessions",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ suite_id: "gmail" }),
  });
  realParams["sessions/[id]"] = ((await opened.json()) as { id: string }).id;
  realParams["api-keys/[id]"] = (await createTestApiKey(caller.user.id)).id;
  realParams["suites/[id]"] = "gmail";
});
afterAll(() => closeTestDatabase(dataDir));

function describeRoute(file: string) {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep);
  const key = segments.join("/");
  const params: Record<string, string | string[]> = {};
  const urlSegments = segments.map((segment, index) => {
    const catchAll = segment.match(/^\[\[?\.\.\.(\w+)\]\]?$/);
    if (catchAll?.[1]) {
      params[catchAll[1]] = ["x"];
      return "x";
    }
    const dynamic = segment.match(/^\[(\w+)\]$/);
    if (!dynamic?.[1]) return segment;
    const owner = `${segments[index - 1]}/${segment}`;
    params[dynamic[1]] = realParams[owner] ?? "00000000-0000-4000-8000-000000000001";
    return String(params[dynamic[1]]);
  });
  const openApiPath = `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
  return { key, urlSegments, params, openApiPath };
}

async function call(
  file: string,
  method: string,
  args: { urlPath: string; query?: string; params: Record<string, unknown>; body?: unknown },
) {
  const mod = (await import(file)) as Record<string, Handler>;
  const handler = mod[method] as Handler;
  const hasBody = args.body !== undefined;
  const request = new Request(`http://127.0.0.1${args.urlPath}${args.query ?? ""}`, {
    method,
    headers: { ...headers, ...(hasBody ? { "content-type": "application/json" } : {}) },
    body: hasBody ? JSON.stringify(args.body) : undefined,
  });
  return handler(request, { params: Promise.resolve(args.params) });
}

/** The field names a 4xx answer points at: problem `errors[].field`, or a 207's `rejected[].field`. */
async function namedFields(response: Response): Promise<string[]> {
  const body = (await response.json().catch(() => ({}))) as {
    errors?: { field: string }[];
    rejected?: { field: string }[];
  };
  return [...(body.errors ?? []), ...(body.rejected ?? [])].map((e) => e.field);
}

const routeFiles = findRouteFiles(appDir).sort();
let checked = 0;

describe("U+0000 in any text input", () => {
  it.each(routeFiles.map((file) => [path.relative(appDir, file), file]))(
    "%s answers 4xx naming the field",
    async (_name, file) => {
      const { key, urlSegments, params, openApiPath } = describeRoute(file);
      const mod = (await import(file)) as Record<string, unknown>;
      const isLibraryRoute = UNCHECKED_ROUTES.has(key);
      const urlPath = `/${urlSegments.join("/")}`;
      for (const method of METHODS.filter((m) => typeof mod[m] === "function")) {
        const operation = document.paths[openApiPath]?.[method.toLowerCase()] ?? {};
        const expectNamed = async (response: Response, fields: string[], what: string) => {
          checked++;
          expect(response.status, `${method} ${urlPath} ${what}`).toBeLessThan(500);
          if (isLibraryRoute) return;
          expect([400, 207, 422], `${method} ${urlPath} ${what}`).toContain(response.status);
          const named = await namedFields(response);
          expect(
            named.some((f) => fields.includes(f)),
            `${method} ${urlPath} ${what}: ${named.join(", ")}`,
          ).toBe(true);
        };

        for (const name of Object.keys(params)) {
          const bad = { ...params, [name]: Array.isArray(params[name]) ? [NUL] : NUL };
          const badPath = `/${urlSegments.map((s) => (s === String(params[name]) ? encodeURIComponent(NUL) : s)).join("/")}`;
          const response = await call(file, method, { urlPath: badPath, params: bad });
          await expectNamed(response, [`path.${name}`], `path parameter ${name}`);
        }

        const queryNames = new Set([
          "q",
          ...(operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        ]);
        for (const name of queryNames) {
          const response = await call(file, method, {
            urlPath,
            params,
            query: `?${encodeURIComponent(name)}=${encodeURIComponent(NUL)}`,
          });
          await expectNamed(response, [`query.${name}`], `query parameter ${name}`);
        }

        const bodySchema = operation.requestBody?.content?.["application/json"]?.schema;
        if (!bodySchema) continue;
        const base = sample(bodySchema);
        for (const at of stringPaths(bodySchema)) {
          const response = await call(file, method, {
            urlPath,
            params,
            body: withValueAt(bodySchema, base, at, NUL),
          });
          const dotted = at.join(".");
          // A streamed batch validates each event alone: its rejection names the field within the event.
          const withinItem = typeof at[0] === "number" ? at.slice(1).join(".") : dotted;
          await expectNamed(response, [dotted, withinItem], `body field ${dotted}`);
        }
      }
    },
  );

  it("covers every text input of the multipart upload: fields and file names", async () => {
    const post = (form: FormData) =>
      callRoute(sessionsRoute.POST, { method: "POST", path: "/v1/sessions", headers, body: form });
    const file = () => new File(['{"timestamp":1,"type":"click"}\n'], "input_events.jsonl");
    const cases: [string, FormData][] = [];
    for (const field of ["suite_id", "description"]) {
      const form = new FormData();
      form.append("suite_id", field === "suite_id" ? NUL : "gmail");
      if (field === "description") form.append("description", NUL);
      form.append("file", file());
      cases.push([field, form]);
    }
    for (const [field, form] of cases) {
      const response = await post(form);
      expect(response.status, field).toBe(422);
      expect(await namedFields(response), field).toContain(field);
    }
    // A raw NUL cannot be in a header (RFC 9110 field values): the parser refuses it as malformed (400). The
    // RFC 8187 extended form decodes to one, so that reaches the file-name check.
    for (const [disposition, status] of [
      [`filename="a\u0000b.jsonl"`, 400],
      [`filename*=UTF-8''a%00b.jsonl`, 422],
    ] as const) {
      const body = `--B\r\nContent-Disposition: form-data; name="suite_id"\r\n\r\ngmail\r\n--B\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\n\r\n{}\r\n--B--\r\n`;
      const response = await callRoute(sessionsRoute.POST, {
        method: "POST",
        path: "/v1/sessions",
        headers: { ...headers, "content-type": "multipart/form-data; boundary=B" },
        body,
      });
      expect(response.status, disposition).toBe(status);
      if (status === 422) expect(await namedFields(response)).toContain("file");
    }
  });

  it("tried a request for every text input", () => {
    expect(checked).toBeGreaterThan(60);
  });
});
