import { Inngest } from "inngest";
import { isInngestEngine } from "@/lib/env";
import { embeddedClientOptions } from "@/lib/jobs/embedded-client-options";
import { childLogger } from "@/lib/logger";

/**
 * The one Inngest client. With INNGEST_EVENT_KEY/INNGEST_SIGNING_KEY (cloud or self-hosted) or INNGEST_DEV the
 * Inngest engine runs the functions; in the embedded default the local executor drives the same functions
 * through this client's `serve()` handler.
 */
export const inngest = new Inngest({
  id: "tracepipe",
  logger: childLogger("inngest"),
  ...(isInngestEngine() ? {} : embeddedClientOptions()),
});
