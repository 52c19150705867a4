import path from "node:path";
import { getEnv } from "@/lib/env";
import { LocalObjectStore } from "./local-object-store";
import type { ObjectStore } from "./object-store";

let store: ObjectStore | undefined;
let storeRoot: string | undefined;

/** Local disk in the embedded default. (The Vercel Blob store for BLOB_READ_WRITE_TOKEN lands with its contract tests.) */
export async function getObjectStore(): Promise<ObjectStore> {
  const root = path.join(getEnv().dataDir, "objects");
  if (!store || storeRoot !== root) {
    store = new LocalObjectStore(root);
    storeRoot = root;
  }
  return store;
}
