import { createHmac } from "node:crypto";

/** The wire format of Stripe's API as the fake Stripe (`stripe-server.ts`) speaks it: objects, errors, forms, signatures. */
export type StripeObject = Record<string, unknown> & { id: string };
export type Params = Record<string, unknown>;

export class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}
export const missing = (what: string, id: string) =>
  new StripeHttpError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${what}: '${id}'`,
    param: "id",
  });

/** Stripe's bracket notation: `a[b][0]=x` → `{a: {b: ["x"]}}` (objects with only index keys become arrays). */
export function parseStripeForm(text: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const head = key.match(/^[^[]+/)?.[0] ?? key;
    const path = [head, ...[...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "")];
    let node: Params = root;
    path.forEach((part, i) => {
      const name = part === "" ? String(Object.keys(node).length) : part;
      if (i === path.length - 1) node[name] = value;
      else {
        node[name] ??= {};
        node = node[name] as Params;
      }
    });
  }
  const toArrays = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const entries = Object.entries(value).map(([k, v]) => [k, toArrays(v)] as const);
    if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) return entries.map(([, v]) => v);
    return Object.fromEntries(entries);
  };
  return toArrays(root) as Params;
}

export function signStripePayload(
  secret: string,
  payload: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}
