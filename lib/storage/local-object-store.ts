import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";
import type { ObjectStore, PutOptions, StoredObject } from "./object-store";

/** Objects as files under `<data dir>/objects`, written to a temp file and renamed so readers never see half. */
export class LocalObjectStore implements ObjectStore {
  readonly kind = "local" as const;

  constructor(
    private readonly root: string,
    private readonly servedBaseUrl = "/api/storage",
  ) {}

  private pathFor(key: string): string {
    const normalized = path.posix.normalize(key);
    if (normalized.startsWith("..") || path.posix.isAbsolute(normalized) || normalized.includes("\0")) {
      throw new AppError({ code: "bad_request", message: `Invalid storage key: ${key}` });
    }
    return path.join(this.root, ...normalized.split("/"));
  }

  async put(key: string, body: ReadableStream<Uint8Array> | Uint8Array | string, _options?: PutOptions) {
    const target = this.pathFor(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${crypto.randomUUID()}.part`;
    try {
      if (typeof body === "string" || body instanceof Uint8Array) {
        await fs.writeFile(temp, body);
      } else {
        await pipeline(
          Readable.fromWeb(body as import("node:stream/web").ReadableStream),
          createWriteStream(temp),
        );
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    const stored = await this.head(key);
    if (!stored) throw new Error(`object ${key} vanished after write`);
    return stored;
  }

  async getStream(key: string) {
    const file = this.pathFor(key);
    try {
      await fs.access(file);
    } catch {
      return undefined;
    }
    return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const stat = await fs.stat(this.pathFor(key));
      return stat.isFile() ? { key, size: stat.size, uploadedAt: stat.mtime } : undefined;
    } catch {
      return undefined;
    }
  }

  async delete(key: string) {
    await fs.rm(this.pathFor(key), { force: true });
  }

  async deletePrefix(prefix: string) {
    for (const object of await this.list(prefix)) await this.delete(object.key);
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const out: StoredObject[] = [];
    const walk = async (dir: string, keyPrefix: string) => {
      let entries: import("node:fs").Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const key = keyPrefix ? `${keyPrefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) await walk(path.join(dir, entry.name), key);
        else if (!entry.name.endsWith(".part") && key.startsWith(prefix)) {
          const stat = await fs.stat(path.join(dir, entry.name));
          out.push({ key, size: stat.size, uploadedAt: stat.mtime });
        }
      }
    };
    await walk(this.root, "");
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  async downloadUrl(key: string) {
    return `${this.servedBaseUrl}/${key.split("/").map(encodeURIComponent).join("/")}`;
  }

  async ping() {
    await fs.mkdir(this.root, { recursive: true });
    await fs.access(this.root, fs.constants.W_OK);
  }
}
