import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { themeScript } from "@/components/theme/theme-preference";
import { ThemeWatcher } from "@/components/theme/theme-watcher";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tracepipe", template: "%s · Tracepipe" },
  description: "Turn recordings of people using web apps into tool-calling training data for LLM agents.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

/**
 * The theme class is set on <html> by an inline script in <head>, before the body is parsed: no flash of the
 * wrong theme (the server never needs to read the choice). React is told the class may differ from the server's
 * HTML. The script carries the request's CSP nonce (proxy.ts), which is also why every page renders per request:
 * a prerendered page has no nonce and the browser would block its scripts.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of ours, no user input */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">
        {children}
        <ThemeWatcher />
      </body>
    </html>
  );
}
