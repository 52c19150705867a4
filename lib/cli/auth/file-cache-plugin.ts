import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ICachePlugin, TokenCacheContext } from "@azure/msal-node";

export const TOKEN_CACHE_FILE = "msal-token-cache.json";

/**
 * msal's cache plugin over one file in the user's config dir. The cache holds refresh tokens, so the directory is
 * 0700 and the file 0600 (set on every write, in case a user or a backup tool widened it), and writes go through
 * a temporary file and a rename so a crash never leaves half a cache behind.
 */
export function createFileCachePlugin(configDir: string): ICachePlugin & { filePath: string } {
  const filePath = path.join(configDir, TOKEN_CACHE_FILE);
  return {
    filePath,
    async beforeCacheAccess(context: TokenCacheContext) {
      try {
        context.tokenCache.deserialize(await readFile(filePath, "utf8"));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      await mkdir(configDir, { recursive: true, mode: 0o700 });
      const temporary = `${filePath}.${process.pid}.tmp`;
      await writeFile(temporary, context.tokenCache.serialize(), { mode: 0o600 });
      await chmod(temporary, 0o600);
      await rename(temporary, filePath);
    },
  };
}

export async function deleteTokenCache(configDir: string): Promise<boolean> {
  const filePath = path.join(configDir, TOKEN_CACHE_FILE);
  try {
    await rm(filePath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
