import Link from "next/link";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";

export function SiteHeader() {
  return (
    <header className="border-b">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block size-6 rounded bg-brand-600" />
          Tracepipe
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <Link href="/guide" className="hidden text-muted-foreground hover:text-foreground sm:inline">
            Capture guide
          </Link>
          <Link href="/v1/docs" className="hidden text-muted-foreground hover:text-foreground sm:inline">
            API docs
          </Link>
          <ThemeSwitcher />
          <Link href="/sign-in" className="font-medium">
            Log in
          </Link>
          <Link
            href="/sign-up"
            className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
          >
            Get started
          </Link>
        </div>
      </nav>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="border-t py-8 text-sm text-muted-foreground">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-6">
        <span>© Tracepipe</span>
        <span className="flex gap-4">
          <Link href="/guide">Capture guide</Link>
          <Link href="/v1/docs">API reference</Link>
        </span>
      </div>
    </footer>
  );
}
