import { BookOpen, KeyRound, Upload } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function QuickActions() {
  return (
    <nav aria-label="Quick actions" className="flex flex-wrap gap-2">
      <Button asChild>
        <Link href="/upload">
          <Upload className="size-4" aria-hidden />
          Upload a recording
        </Link>
      </Button>
      <Button asChild variant="outline">
        <Link href="/settings/api-keys">
          <KeyRound className="size-4" aria-hidden />
          Create an API key
        </Link>
      </Button>
      <Button asChild variant="outline">
        <a href="/v1/docs">
          <BookOpen className="size-4" aria-hidden />
          API docs
        </a>
      </Button>
    </nav>
  );
}
