import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, POST, PUT } from "./route";

describe("/api/inngest in the embedded default", () => {
  it("answers 404 problem+json for every method: the executor calls serve() in-process", async () => {
    for (const handler of [GET, POST, PUT]) {
      const res = await handler(
        new NextRequest("http://localhost/api/inngest", { method: "GET" }),
        undefined,
      );
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
