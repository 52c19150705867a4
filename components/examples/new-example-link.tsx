"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { exampleListSearchSchema } from "@/schemas/examples";

/** Follows the list's session filter, which changes in the URL without a server render. */
export function NewExampleLink() {
  const session = exampleListSearchSchema.shape.session.parse(useSearchParams().get("session") ?? undefined);
  return (
    <Button asChild>
      <Link href={session ? `/examples/new?session=${session}` : "/examples/new"}>
        <Plus className="size-4" aria-hidden />
        New example
      </Link>
    </Button>
  );
}
