"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { fetchApi } from "@/lib/api/fetch-api";
import type { ImportReport } from "@/schemas/bundles";

/** Imports a session bundle exported from Tracepipe; "Check only" validates it and creates nothing. */
export function ImportBundleForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [isPending, startTransition] = useTransition();
  const submit = (form: HTMLFormElement, dryRun: boolean) => {
    const data = new FormData(form);
    if (!(data.get("file") instanceof File) || (data.get("file") as File).size === 0) {
      setMessage({ ok: false, text: "Choose a session bundle (.tar.gz) first." });
      return;
    }
    if (dryRun) data.set("dry_run", "true");
    startTransition(async () => {
      try {
        const report = await fetchApi<ImportReport>("/v1/sessions/import", { method: "POST", body: data });
        const summary = `${report.files} files, ${report.raw_files} recordings, ${report.examples} examples, ${report.review_items} review items`;
        if (report.session_id) router.push(`/sessions/${report.session_id}`);
        else setMessage({ ok: true, text: `The bundle is valid: ${summary}. Nothing was imported.` });
      } catch (error) {
        setMessage({ ok: false, text: error instanceof Error ? error.message : "The import failed." });
      }
    });
  };
  return (
    <form
      className="flex flex-col gap-3"
      aria-label="Import a session bundle"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget, false);
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="bundle-file">Session bundle (.tar.gz)</Label>
        <Input id="bundle-file" name="file" type="file" accept=".tar.gz,.tgz,application/gzip" />
      </div>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm" : "text-sm text-danger"}>
          {message.text}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Importing…" : "Import"}
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={isPending}
          onClick={(event) => {
            const form = event.currentTarget.form;
            if (form) submit(form, true);
          }}
        >
          Check only
        </Button>
      </div>
    </form>
  );
}
