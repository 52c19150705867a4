import { ApiReference } from "@scalar/nextjs-api-reference";
import { publicRoute } from "@/lib/api/handler";
import { hashedDocumentContentSecurityPolicy } from "@/lib/web/security-headers";

export const dynamic = "force-dynamic";

// The Scalar bundle is served by this app (/v1/docs/scalar.js), so the reference works without internet access.
const reference = ApiReference({
  url: "/v1/openapi.json",
  cdn: "/v1/docs/scalar.js",
  pageTitle: "Tracepipe API reference",
  // Scalar would fetch its fonts from its own CDN; the page's CSP allows only this origin, and the docs work offline.
  withDefaultFonts: false,
});

export const GET = publicRoute(async () => {
  const page = await reference();
  const html = await page.text();
  // Scalar's page has one inline script of fixed content (its init call): its CSP allows exactly that by hash.
  return new Response(html, {
    status: page.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "Content-Security-Policy": hashedDocumentContentSecurityPolicy(html),
    },
  });
});
