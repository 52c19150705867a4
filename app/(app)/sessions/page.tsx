import type { Metadata } from "next";
import Link from "next/link";
import { QueryProvider } from "@/components/providers/query-provider";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { Button } from "@/components/ui/button";
import { requireSessionUser } from "@/lib/auth/session";
import { listSuites } from "@/lib/catalog/read-catalog";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  await requireSessionUser("/sessions");
  const suites = await listSuites();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Sessions</h1>
        <Button asChild>
          <Link href="/upload">Upload a recording</Link>
        </Button>
      </div>
      <QueryProvider>
        <SessionsTable suites={suites.map((s) => ({ id: s.id, slug: s.slug, name: s.name }))} />
      </QueryProvider>
    </div>
  );
}
