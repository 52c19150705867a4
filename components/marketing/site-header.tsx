import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block size-6 rounded bg-brand-600" />
          Tracepipe
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <Link
            href="/guide"
            className="hidden text-zinc-600 hover:text-zinc-900 sm:inline dark:text-zinc-400"
          >
            Capture guide
          </Link>
          <Link
            href="/v1/docs"
            className="hidden text-zinc-600 hover:text-zinc-900 sm:inline dark:text-zinc-400"
          >
            API docs
          </Link>
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
    <footer className="border-t border-zinc-200 py-8 text-sm text-zinc-500 dark:border-zinc-800">
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
