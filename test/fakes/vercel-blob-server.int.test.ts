import { del, head, issueSignedToken, list, presignUrl, put } from "@vercel/blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VercelBlobObjectStore } from "@/lib/storage/vercel-blob-object-store";
import { type FakeVercelBlob, startFakeVercelBlob } from "./vercel-blob-server";

/** Protocol checks of the fake through the real SDK, beyond what the object-store contract exercises. */
let fake: FakeVercelBlob;
let token: string;
beforeAll(async () => {
  fake = await startFakeVercelBlob();
  token = fake.token;
  process.env.VERCEL_BLOB_API_URL = fake.apiUrl;
});
afterAll(async () => {
  delete process.env.VERCEL_BLOB_API_URL;
  await fake.close();
});

describe("fake Vercel Blob", () => {
  it("pages list results with cursor and hasMore", async () => {
    for (const name of ["p/1", "p/2", "p/3", "p/4", "p/5", "q/1"]) {
      await put(name, name, { access: "private", token, addRandomSuffix: false });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list({ prefix: "p/", limit: 2, cursor, token });
      seen.push(...page.blobs.map((b) => b.pathname));
      cursor = page.hasMore ? page.cursor : undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(["p/1", "p/2", "p/3", "p/4", "p/5"]);
    expect(pages).toBe(3);
  });

  it("refuses to overwrite without allowOverwrite and adds a random suffix when asked", async () => {
    await put("dup.txt", "one", { access: "private", token });
    await expect(put("dup.txt", "two", { access: "private", token })).rejects.toThrow(/already exists/);
    const suffixed = await put("dup.txt", "three", { access: "private", token, addRandomSuffix: true });
    expect(suffixed.pathname).toMatch(/^dup-[\w-]+\.txt$/);
    expect((await head(suffixed.url, { token })).size).toBe(5);
    await del(suffixed.url, { token });
    await expect(head(suffixed.pathname, { token })).rejects.toThrow(/does not exist/);
  });

  it("rejects a wrong token and unauthenticated reads of private blobs", async () => {
    const wrong = `vercel_blob_rw_${fake.storeId}_wrong`;
    await expect(list({ token: wrong })).rejects.toThrow(/Access denied/);
    const blob = await put("private.txt", "secret", { access: "private", token, allowOverwrite: true });
    expect((await fetch(blob.url)).status).toBe(403);
    const authed = await fetch(blob.url, { headers: { authorization: `Bearer ${token}` } });
    expect(await authed.text()).toBe("secret");
  });

  it("serves presigned GET URLs only with a valid signature, for the signed pathname, before expiry", async () => {
    const blob = await put("signed.txt", "signed body", { access: "private", token, allowOverwrite: true });
    await put("other.txt", "other", { access: "private", token, allowOverwrite: true });
    const signed = await issueSignedToken({ token, pathname: "signed.txt", operations: ["get"] });
    const { presignedUrl } = await presignUrl(signed, {
      operation: "get",
      pathname: "signed.txt",
      access: "private",
    });
    const url = new URL(blob.url);
    url.search = new URL(presignedUrl).search;
    expect(await (await fetch(url)).text()).toBe("signed body");

    const tampered = new URL(url);
    tampered.searchParams.set("vercel-blob-signature", "A".repeat(43));
    expect((await fetch(tampered)).status).toBe(403);
    const otherPath = new URL(url);
    otherPath.pathname = otherPath.pathname.replace("signed.txt", "other.txt");
    expect((await fetch(otherPath)).status).toBe(403);

    const shortLived = await presignUrl(signed, {
      operation: "get",
      pathname: "signed.txt",
      access: "private",
      validUntil: Date.now() + 50,
    });
    const expiring = new URL(blob.url);
    expiring.search = new URL(shortLived.presignedUrl).search;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(expiring)).status).toBe(403);
  });

  it("store ping fails fast when the API is unreachable, despite the SDK's retries", async () => {
    const down = await startFakeVercelBlob();
    await down.close();
    process.env.VERCEL_BLOB_API_URL = down.apiUrl;
    try {
      const started = Date.now();
      await expect(new VercelBlobObjectStore(down.token, 1000).ping()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      process.env.VERCEL_BLOB_API_URL = fake.apiUrl;
    }
  }, 15_000);

  it("store ping rejects a token the API refuses", async () => {
    await expect(new VercelBlobObjectStore(`vercel_blob_rw_${fake.storeId}_nope`).ping()).rejects.toThrow(
      /Access denied/,
    );
  });
});
