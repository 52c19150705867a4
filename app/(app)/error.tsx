"use client";

import { ErrorPanel } from "@/components/app-shell/error-panel";

/** Inside the signed-in shell, so navigation stays usable when one page fails. */
export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPanel error={error} reset={reset} />;
}
