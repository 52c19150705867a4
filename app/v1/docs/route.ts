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
  // Scalar's own products (its API client, AI agent, MCP and deploy toolbar) are not part of Tracepipe's reference.
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  mcp: { disabled: true },
});

// Scalar's page has no slot for a header of ours: a plain link is placed before its mount point.
const BACK_LINK = `<a href="/dashboard" data-testid="back-to-app" style="display:block;padding:8px 16px;font:14px system-ui,sans-serif;border-bottom:1px solid rgba(127,127,127,.25);color:inherit;text-decoration:none">← Back to Tracepipe</a>`;

export const GET = publicRoute(async () => {
  const page = await reference();
  const html = (await page.text()).replace('<div id="app"></div>', `${BACK_LINK}<div id="app"></div>`);
  // Scalar's page has one inline script of fixed content (its init call): its CSP allows exactly that by hash.
  return new Response(html, {
    status: page.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "Content-Security-Policy": hashedDocumentContentSecurityPolicy(html),
    },
  });
});
