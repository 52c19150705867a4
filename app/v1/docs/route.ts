import { ApiReference } from "@scalar/nextjs-api-reference";
import { publicRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

// The Scalar bundle is served by this app (/v1/docs/scalar.js), so the reference works without internet access.
const reference = ApiReference({
  url: "/v1/openapi.json",
  cdn: "/v1/docs/scalar.js",
  pageTitle: "Tracepipe API reference",
});

export const GET = publicRoute(() => reference());
