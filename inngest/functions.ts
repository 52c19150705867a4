import type { InngestFunction } from "inngest";

/** Every function the app serves, for `serve()` and for the embedded executor. */
export const functions: InngestFunction.Any[] = [];
