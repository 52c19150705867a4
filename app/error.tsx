"use client";

import { ErrorPanel } from "@/components/app-shell/error-panel";

export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main>
      <ErrorPanel error={error} reset={reset} />
    </main>
  );
}
