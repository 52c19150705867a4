import http from "node:http";
import https from "node:https";
import net from "node:net";
import { getEnv } from "@/lib/env";
import { assertCallbackAddress, createGuardedLookup } from "./callback-address";
import { SIGNATURE_HEADER, signCallback } from "./sign-callback";

export class CallbackRejectedError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "CallbackRejectedError";
  }
}

/**
 * POSTs a signed JSON body to a customer's callback URL. Only 2xx counts as delivered; redirects are not
 * followed (a redirect could point inward). Throws on anything else so the calling step retries.
 */
export async function postCallback(input: {
  url: string;
  body: string;
  secret: string;
  eventId: string;
  timeoutMs?: number;
}): Promise<{ status: number }> {
  const target = new URL(input.url);
  if (target.protocol !== "https:" && target.protocol !== "http:") {
    throw new CallbackRejectedError(`Unsupported callback protocol ${target.protocol}`);
  }
  const allowPrivate = Boolean(getEnv().CALLBACK_ALLOW_PRIVATE_ADDRESSES);
  // Node connects to an IP literal without calling `lookup`, so literals are checked here.
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && net.isIP(literal)) assertCallbackAddress(target.hostname, literal);
  const lookup = createGuardedLookup({ allowPrivate });
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        lookup,
        timeout: input.timeoutMs ?? 10_000,
        headers: {
          "content-type": "application/json",
          "user-agent": "Tracepipe-Callback/1",
          [SIGNATURE_HEADER]: signCallback(input.secret, input.body),
          "Tracepipe-Event-Id": input.eventId,
        },
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve({ status });
        else reject(new CallbackRejectedError(`Callback answered HTTP ${status}`, status));
      },
    );
    request.on("timeout", () => request.destroy(new CallbackRejectedError("Callback timed out")));
    request.on("error", reject);
    request.end(input.body);
  });
}
