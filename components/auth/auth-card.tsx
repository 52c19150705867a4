import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";

export function AuthCard({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <>
      <header className="absolute inset-x-0 top-0 flex items-center justify-between px-6 py-4">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block size-6 rounded bg-brand-600" />
          Tracepipe
        </Link>
        <ThemeSwitcher />
      </header>
      <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {children}
        {footer ? <div className="text-sm text-muted-foreground">{footer}</div> : null}
      </main>
    </>
  );
}
