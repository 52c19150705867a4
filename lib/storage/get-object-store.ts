import path from "node:path";
import { getEnv } from "@/lib/env";
import { LocalObjectStore } from "./local-object-store";
import type { ObjectStore } from "./object-store";

let store: ObjectStore | undefined;
let storeConfig: string | undefined;

/**
 * Vercel Blob when BLOB_READ_WRITE_TOKEN is set, else local disk under the data folder. Cached per
 * configuration, so tests that switch TRACEPIPE_DATA_DIR or the token (and reset the env cache) get a new store.
 */
export async function getObjectStore(): Promise<ObjectStore> {
  const env = getEnv();
  const token = env.BLOB_READ_WRITE_TOKEN;
  const root = path.join(env.dataDir, "objects");
  const config = token ? `blob:${token}` : `local:${root}`;
  if (!store || storeConfig !== config) {
    // Imported on demand so the embedded default never loads the Vercel Blob SDK.
    store = token
      ? new (await import("./vercel-blob-object-store")).VercelBlobObjectStore(token)
      : new LocalObjectStore(root);
    storeConfig = config;
  }
  return store;
}
