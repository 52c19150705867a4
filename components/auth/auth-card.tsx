import type { ReactNode } from "react";

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
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {children}
      {footer ? <div className="text-sm text-zinc-600 dark:text-zinc-400">{footer}</div> : null}
    </main>
  );
}
