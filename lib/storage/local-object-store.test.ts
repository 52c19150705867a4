import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalObjectStore } from "./local-object-store";

/** Local-store guarantees beyond the shared contract: atomic replacement and no half-written objects. */
let root: string;
let store: LocalObjectStore;
beforeEach(() => {
  root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "local-store-")), "objects");
  store = new LocalObjectStore(root);
});
afterEach(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

const read = async (key: string) => new Response(await store.getStream(key)).text();

describe("LocalObjectStore", () => {
  it("keeps the previous version and leaves no temp file when a put's stream fails", async () => {
    await store.put("s/a.txt", "version 1");
    let sent = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(new TextEncoder().encode("partial "));
        else controller.error(new Error("client went away"));
      },
    });
    await expect(store.put("s/a.txt", failing)).rejects.toThrow("client went away");
    expect(await read("s/a.txt")).toBe("version 1");
    expect(fs.readdirSync(`${root}.tmp`)).toEqual([]);
  });

  it("does not show an object until its put has completed", async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let step = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (step === 1) await released;
        if (step++ < 2) controller.enqueue(new TextEncoder().encode(`chunk${step};`));
        else controller.close();
      },
    });
    const putting = store.put("s/slow.txt", slow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await store.head("s/slow.txt")).toBeUndefined();
    expect(await store.list("s/")).toEqual([]);
    release();
    await putting;
    expect(await read("s/slow.txt")).toBe("chunk1;chunk2;");
  });

  it("lets a reader that opened before an overwrite read the old version whole", async () => {
    await store.put("s/big.txt", "old".repeat(100_000));
    const stream = await store.getStream("s/big.txt");
    await store.put("s/big.txt", "new");
    expect(await new Response(stream).text()).toBe("old".repeat(100_000));
    expect(await read("s/big.txt")).toBe("new");
  });

  it("removes emptied folders when deleting by prefix", async () => {
    await store.put("sessions/1/raw/a.json", "a");
    await store.put("sessions/1/b.json", "b");
    await store.put("sessions/2/c.json", "c");
    await store.deletePrefix("sessions/1/");
    expect(fs.existsSync(path.join(root, "sessions", "1"))).toBe(false);
    expect((await store.list("")).map((o) => o.key)).toEqual(["sessions/2/c.json"]);
  });

  it("never resolves a key outside its root, even for a directory name", async () => {
    fs.mkdirSync(path.join(root, "dir"), { recursive: true });
    expect(await store.getStream("dir")).toBeUndefined();
    expect(await store.head("dir")).toBeUndefined();
    await expect(store.head("dir/../../outside")).rejects.toThrow(/Invalid storage key/);
    // A name that merely starts with two dots is an ordinary file inside the root.
    await store.put("s/..notes", "fine");
    expect(await read("s/..notes")).toBe("fine");
  });
});
