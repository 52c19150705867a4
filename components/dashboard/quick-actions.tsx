import { BookOpen, KeyRound, Upload } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { can, type WorkspaceRole } from "@/lib/workspaces/policy";

/** Shortcuts the role can use: a viewer sees no upload and no key creation. */
export function QuickActions({ role }: { role: WorkspaceRole }) {
  return (
    <nav aria-label="Quick actions" className="flex flex-wrap gap-2">
      {can(role, "upload") ? (
        <Button asChild>
          <Link href="/upload">
            <Upload className="size-4" aria-hidden />
            Upload a recording
          </Link>
        </Button>
      ) : null}
      {can(role, "manage_keys") ? (
        <Button asChild variant="outline">
          <Link href="/settings/api-keys">
            <KeyRound className="size-4" aria-hidden />
            Create an API key
          </Link>
        </Button>
      ) : null}
      <Button asChild variant="outline">
        <a href="/v1/docs">
          <BookOpen className="size-4" aria-hidden />
          API docs
        </a>
      </Button>
    </nav>
  );
}
