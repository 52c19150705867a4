import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ApiKeyScope, scopeAllows } from "@/lib/auth/principal";
import { keyCommands } from "./key-commands";

const v1Dir = path.join(import.meta.dirname, "../../app/v1");

/** The scopes a route file gives a method in `authedRoute({ scopes: [...] })`, read from its source. */
function routeScopes(method: string, apiPath: string): ApiKeyScope[] | undefined {
  const dir = apiPath
    .replace(/^\/v1\/?/, "")
    .split("/")
    .map((segment) => (segment.startsWith("$") ? "[id]" : segment));
  const file = path.join(v1Dir, ...dir, "route.ts");
  if (!fs.existsSync(file)) return undefined;
  const match = fs
    .readFileSync(file, "utf8")
    .match(new RegExp(`export const ${method} = authedRoute\\(\\s*\\{\\s*scopes: \\[([^\\]]*)\\]`));
  return match
    ? ((match[1] ?? "").match(/"(\w+)"/g) ?? []).map((s) => s.slice(1, -1) as ApiKeyScope)
    : undefined;
}

/** Every curl call in the commands as method and path (`$SESSION` stands for an id). */
function curlCalls(commands: string[]) {
  return commands.flatMap((command) =>
    [...command.matchAll(/curl -sS (?:-X (\w+) )?"\$TRACEPIPE_URL(\/v1\/[^"]*)"/g)].map((m) => ({
      method: m[1] ?? "GET",
      path: m[2] ?? "",
    })),
  );
}

describe("the new key's commands", () => {
  const scopes: ApiKeyScope[] = ["ingest", "read", "full"];

  it.each(scopes)("%s: every curl call is one the key's scope may make", (scope) => {
    const commands = keyCommands({ origin: "https://tp.example", secret: "tp_live_x", scope }).map(
      (c) => c.command,
    );
    const calls = curlCalls(commands);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const allowed = routeScopes(call.method, call.path);
      expect(allowed, `${call.method} ${call.path} has no authedRoute`).toBeDefined();
      expect(scopeAllows(scope, allowed ?? []), `${scope} key: ${call.method} ${call.path}`).toBe(true);
    }
  });

  it("gives the read key the first call people try, and the ingest key a way to send events", () => {
    const calls = (scope: ApiKeyScope) =>
      curlCalls(keyCommands({ origin: "o", secret: "s", scope }).map((c) => c.command)).map(
        (c) => `${c.method} ${c.path}`,
      );
    expect(calls("read")).toContain("GET /v1/sessions");
    expect(calls("ingest")).toEqual([
      "POST /v1/sessions",
      "POST /v1/sessions/$SESSION/events",
      "POST /v1/sessions/$SESSION/complete",
    ]);
  });

  it("sets the server and key once, in the variables the CLI reads", () => {
    const [setup] = keyCommands({ origin: "https://tp.example", secret: "tp_live_abc", scope: "full" });
    expect(setup?.command).toBe(
      "export TRACEPIPE_URL=https://tp.example\nexport TRACEPIPE_API_KEY=tp_live_abc",
    );
  });
});
