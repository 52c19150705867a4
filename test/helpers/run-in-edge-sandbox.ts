import { builtinModules } from "node:module";
import path from "node:path";
import { EdgeVM } from "@edge-runtime/vm";
import { build, type Plugin } from "esbuild";

/**
 * Runs a fetch-style handler module the way an edge runtime would, to prove it stays edge-portable.
 *
 * ```ts
 * const sandbox = await runInEdgeSandbox("app/v1/sessions/[id]/events/route.ts", {
 *   env: { LOG_LEVEL: "silent" },            // becomes `process.env` inside, as Next's edge runtime provides
 *   globals: { persistEvents },              // outer-realm functions the handler may call (e.g. a DB bridge)
 * });
 * const response = await sandbox.fetch(new Request("http://t/v1/…", { method: "POST", body }), { id: "…" });
 * ```
 *
 * 1. The module is bundled by esbuild for a neutral platform with the edge export conditions (`edge-light`,
 *    `worker`, `browser`) and the tsconfig `@/` paths. Importing any Node built-in (`fs`, `node:crypto`, …)
 *    anywhere in its import graph fails the bundle with an `EdgeSandboxBuildError` naming the importer.
 * 2. The bundle is evaluated in `@edge-runtime/vm` (EdgeVM): only Web APIs (Request, Response, fetch,
 *    crypto.subtle, streams, TextEncoder, URL…) exist there; no `require`, `Buffer` or `node:` modules.
 * 3. `fetch(request, params?)` calls the export matching the request method (`GET`, `POST`, … as in a Next
 *    route module), else `default` (a function, or an object with `fetch`), with `(request, { params })`.
 *    Request and Response are copied across the realm boundary with their bodies streamed, not buffered.
 *
 * Anything reaching `db/client.ts`, `lib/env.ts` (node:path) or PGlite is not edge-portable, so an edge handler
 * takes its Node-side services as parameters: export a factory and build the handler with `handler`, passing
 * outer-realm functions (they are callable from inside; pass plain data across, not class instances):
 *
 * ```ts
 * const sandbox = await runInEdgeSandbox("lib/ingest/ingest-handler.ts", {
 *   handler: (m) => (m.createIngestHandler as CreateIngest)({ authenticate, persistRaw, enqueue }),
 * });
 * ```
 */
export interface EdgeSandbox {
  fetch(request: Request, params?: Record<string, string | string[]>): Promise<Response>;
  /** Names the module exports. */
  exports: string[];
  /** Source files bundled into the sandbox, relative to the project root. */
  inputs: string[];
}

export class EdgeSandboxBuildError extends Error {
  constructor(readonly errors: string[]) {
    super(`The module is not edge-portable:\n${errors.join("\n")}`);
    this.name = "EdgeSandboxBuildError";
  }
}

const projectRoot = path.resolve(import.meta.dirname, "../..");
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const rejectNodeBuiltins: Plugin = {
  name: "reject-node-builtins",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      // `fs/promises` → `fs`; every `node:` specifier is a built-in, even one this Node version lacks.
      const isBuiltin = args.path.startsWith("node:") || nodeBuiltins.has(args.path.split("/")[0] ?? "");
      if (!isBuiltin) return;
      const importer = args.importer ? path.relative(projectRoot, args.importer) : "(entry)";
      return { errors: [{ text: `Node.js built-in "${args.path}" imported by ${importer}` }] };
    });
  },
};

async function bundle(entry: string) {
  const result = await build({
    entryPoints: [path.resolve(projectRoot, entry)],
    absWorkingDir: projectRoot,
    tsconfig: path.join(projectRoot, "tsconfig.json"),
    bundle: true,
    write: false,
    metafile: true,
    platform: "neutral",
    format: "iife",
    globalName: "__edgeModule",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["edge-light", "worker", "browser", "import", "default"],
    plugins: [rejectNodeBuiltins],
    logLevel: "silent",
  }).catch((error: { errors?: { text: string; location?: { file: string; line: number } | null }[] }) => {
    const messages = (error.errors ?? []).map((e) =>
      e.location ? `${e.text} (${e.location.file}:${e.location.line})` : e.text,
    );
    if (messages.length > 0) throw new EdgeSandboxBuildError(messages);
    throw error;
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error("esbuild produced no output");
  return { code, inputs: Object.keys(result.metafile.inputs) };
}

type Handler = (request: unknown, context: { params: Promise<Record<string, string | string[]>> }) => unknown;

interface SandboxRealm {
  Request: typeof Request;
  Response: typeof Response;
  ReadableStream: typeof ReadableStream;
  Uint8Array: typeof Uint8Array;
  Promise: typeof Promise;
  Object: typeof Object;
}

/** Pipes a stream from one realm into a new stream of the other, copying each chunk into that realm's bytes. */
function crossRealmStream(
  source: ReadableStream<Uint8Array>,
  Target: { ReadableStream: typeof ReadableStream; Uint8Array: typeof Uint8Array },
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  return new Target.ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(new Target.Uint8Array(value));
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

export async function runInEdgeSandbox(
  entry: string,
  options: {
    env?: Record<string, string>;
    globals?: Record<string, unknown>;
    /** Builds the handler from the module's exports (e.g. calls a factory with injected services). */
    handler?: (moduleExports: Record<string, unknown>) => unknown;
  } = {},
): Promise<EdgeSandbox> {
  const { code, inputs } = await bundle(entry);
  const vm = new EdgeVM({
    extend: (context) => Object.assign(context, { process: { env: { ...options.env } } }, options.globals),
  });
  vm.evaluate(code);
  // Intrinsics (Promise, Object, Uint8Array) are not properties of the context object; read them from inside.
  const realm = vm.evaluate<SandboxRealm>(
    "({ Request, Response, ReadableStream, Uint8Array, Promise, Object })",
  );
  const moduleExports = vm.evaluate<Record<string, unknown> | undefined>("__edgeModule") ?? {};

  const built = options.handler?.(moduleExports);
  const pickHandler = (method: string): Handler => {
    const byMethod = moduleExports[method];
    if (!options.handler && typeof byMethod === "function") return byMethod as Handler;
    const fallback = options.handler ? built : moduleExports.default;
    if (typeof fallback === "function") return fallback as Handler;
    if (fallback && typeof (fallback as { fetch?: unknown }).fetch === "function") {
      const target = fallback as { fetch: Handler };
      return (request, context) => target.fetch(request, context);
    }
    throw new Error(
      `${entry} exports no handler for ${method} (exports: ${Object.keys(moduleExports).join(", ")})`,
    );
  };

  return {
    exports: Object.keys(moduleExports),
    inputs,
    async fetch(request, params = {}) {
      const inner = new realm.Request(request.url, {
        method: request.method,
        headers: [...request.headers],
        body: request.body ? crossRealmStream(request.body, realm) : undefined,
        duplex: "half",
      } as RequestInit);
      const innerParams = realm.Promise.resolve(realm.Object.assign(new realm.Object(), params));
      const result = (await pickHandler(request.method)(inner, {
        params: innerParams as Promise<Record<string, string | string[]>>,
      })) as Response;
      if (!result || typeof result.status !== "number") {
        throw new Error(`${entry} did not return a Response`);
      }
      return new Response(result.body ? crossRealmStream(result.body, globalThis) : null, {
        status: result.status,
        statusText: result.statusText,
        headers: [...result.headers],
      });
    },
  };
}
