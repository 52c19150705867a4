/**
 * The shape edge-portable ingest/upload handlers take: Web APIs only, with the Node-side services (auth,
 * persistence) passed in, so the module's import graph stays free of the database driver.
 */
export interface IngestServices {
  authenticate(authorization: string | null): Promise<{ userId: string } | undefined>;
  persistRaw(key: string, body: ReadableStream<Uint8Array>): Promise<{ size: number }>;
}

export function createIngestHandler(services: IngestServices) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }) => {
    const principal = await services.authenticate(request.headers.get("authorization"));
    if (!principal) return Response.json({ title: "Unauthorized" }, { status: 401 });
    if (!request.body) return Response.json({ title: "A body is required" }, { status: 400 });
    const { id } = await context.params;
    const stored = await services.persistRaw(`sessions/${id}/raw/upload.bin`, request.body);
    return Response.json({ userId: principal.userId, size: stored.size }, { status: 202 });
  };
}
