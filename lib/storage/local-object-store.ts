import { createWriteStream, type Dirent } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { ObjectStore, PutOptions, StoredObject } from "./object-store";
import { assertValidKey, assertValidPrefix, compareKeys } from "./storage-key";

const isMissing = (error: unknown) =>
  (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT" ||
  (error as NodeJS.ErrnoException | undefined)?.code === "ENOTDIR";

/**
 * Objects as files under `<data dir>/objects`. A put streams into a temp file in a sibling folder
 * (`objects.tmp`, same file system so the rename is atomic, outside the listed tree so a half-written file
 * is never listed), fsyncs it and renames it over the target: readers see the old object or the new one,
 * never half of either. The content type is not kept; the served route derives it from the key.
 */
export class LocalObjectStore implements ObjectStore {
  readonly kind = "local" as const;
  private readonly tempDir: string;

  constructor(
    private readonly root: string,
    private readonly servedBaseUrl = "/api/storage",
  ) {
    this.root = path.resolve(root);
    this.tempDir = `${this.root}.tmp`;
  }

  private pathFor(key: string): string {
    assertValidKey(key);
    const target = path.join(this.root, ...key.split("/"));
    // Defence in depth: the key rules already exclude `..`, this catches anything they missed.
    const relative = path.relative(this.root, target);
    if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
      throw new Error(`storage key escapes the store root: ${key}`);
    }
    return target;
  }

  async put(key: string, body: ReadableStream<Uint8Array> | Uint8Array | string, _options?: PutOptions) {
    const target = this.pathFor(key);
    await Promise.all([
      fs.mkdir(path.dirname(target), { recursive: true }),
      fs.mkdir(this.tempDir, { recursive: true }),
    ]);
    const temp = path.join(this.tempDir, `${crypto.randomUUID()}.part`);
    try {
      const source =
        typeof body === "string" || body instanceof Uint8Array
          ? Readable.from([typeof body === "string" ? Buffer.from(body) : body])
          : Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
      // `flush` fsyncs before close, so the rename cannot publish a file whose bytes are still in the page cache.
      await pipeline(source, createWriteStream(temp, { flags: "wx", flush: true }));
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
    // Open first, then check: the open handle keeps reading the same file even if a put renames a new
    // version over it meanwhile.
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.pathFor(key), "r");
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === "EISDIR") return undefined;
      throw error;
    }
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      return undefined;
    }
    return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
  }

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const stat = await fs.stat(this.pathFor(key));
      return stat.isFile() ? { key, size: stat.size, uploadedAt: stat.mtime } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string) {
    const file = this.pathFor(key);
    try {
      if ((await fs.stat(file)).isFile()) await fs.rm(file);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    await this.pruneEmptyParents(path.dirname(file));
  }

  async deletePrefix(prefix: string) {
    for (const object of await this.list(prefix)) await this.delete(object.key);
  }

  /** Removes now-empty folders up to the root so deleted sessions leave no directory skeletons. */
  private async pruneEmptyParents(dir: string) {
    for (let current = dir; current.startsWith(`${this.root}${path.sep}`); current = path.dirname(current)) {
      try {
        await fs.rmdir(current);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    assertValidPrefix(prefix);
    // Walk only the folder that can contain matches: for `sessions/abc/raw-` that is `sessions/abc`.
    const folderKey = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    const out: StoredObject[] = [];
    const walk = async (dir: string, keyPrefix: string) => {
      let entries: Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for (const entry of entries) {
        const key = keyPrefix ? `${keyPrefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (key.startsWith(prefix) || prefix.startsWith(`${key}/`))
            await walk(path.join(dir, entry.name), key);
        } else if (entry.isFile() && key.startsWith(prefix)) {
          try {
            const stat = await fs.stat(path.join(dir, entry.name));
            out.push({ key, size: stat.size, uploadedAt: stat.mtime });
          } catch (error) {
            if (!isMissing(error)) throw error; // deleted while listing
          }
        }
      }
    };
    await walk(folderKey ? path.join(this.root, ...folderKey.split("/")) : this.root, folderKey);
    return out.sort((a, b) => compareKeys(a.key, b.key));
  }

  async downloadUrl(key: string) {
    assertValidKey(key);
    return `${this.servedBaseUrl}/${key.split("/").map(encodeURIComponent).join("/")}`;
  }

  async ping() {
    await fs.mkdir(this.root, { recursive: true });
    await fs.access(this.root, fs.constants.W_OK);
  }
}
