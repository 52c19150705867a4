/** Calls an App Router handler in-process with a real Request, as Next does (tests only). */
export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export function callRoute(
  handler: RouteHandler,
  args: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: BodyInit;
    params?: Record<string, string>;
  },
): Promise<Response> {
  const request = new Request(`http://127.0.0.1${args.path}`, {
    method: args.method ?? "GET",
    headers: args.headers,
    body: args.body,
    // Node's fetch needs this for streamed request bodies.
    ...(args.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return handler(request, { params: Promise.resolve(args.params ?? {}) });
}
