"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FileProgress } from "./file-progress";
import { postJson, readProblem, sendFile, type UploadPlan } from "./upload-client";
import { validateUpload } from "./validate-upload";

export const ACCEPTED_EXTENSIONS = ".json,.jsonl,.ndjson,.gz,.json.gz";

interface Suite {
  id: string;
  slug: string;
  name: string;
}

export function UploadForm() {
  const router = useRouter();
  const [suites, setSuites] = useState<Suite[]>([]);
  const [suiteId, setSuiteId] = useState("");
  const [description, setDescription] = useState("");
  // Pre-filled with the browser's zone after mount (the server renders without one); empty means "infer it".
  const [timezone, setTimezone] = useState("");
  const [zoneNames, setZoneNames] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [sessionId, setSessionId] = useState<string>();

  useEffect(() => {
    setTimezone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
    setZoneNames(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  }, []);

  useEffect(() => {
    fetch("/v1/suites")
      .then(async (response) => {
        if (!response.ok) throw new Error(await readProblem(response));
        return (await response.json()) as { data: Suite[] };
      })
      .then((body) => setSuites(body.data))
      .catch((error: Error) => setErrors([`Could not load suites: ${error.message}`]));
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = validateUpload({ suiteId, files, timezone });
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setProgress(files.map(() => 0));
    try {
      const plan = await postJson<UploadPlan>("/v1/uploads", {
        files: files.map((f) => ({ file_name: f.name, size_bytes: f.size })),
      });
      await Promise.all(
        files.map((file, index) =>
          sendFile(plan, index, file, (fraction) =>
            setProgress((current) => current.map((value, i) => (i === index ? fraction : value))),
          ),
        ),
      );
      const session = await postJson<{ id: string }>("/v1/uploads/complete", {
        session_token: plan.session_token,
        suite_id: suiteId,
        description: description || undefined,
        timezone: timezone.trim() || undefined,
        files: plan.uploads.map((u) => ({ key: u.key, file_name: u.file_name })),
      });
      setSessionId(session.id);
      // A moment on the success message (with the id to copy) before opening the session.
      setTimeout(() => router.push(`/sessions/${session.id}`), 1200);
    } catch (error) {
      setErrors([(error as Error).message]);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-5" noValidate>
      <div className="flex flex-col gap-2">
        <Label htmlFor="suite">Suite</Label>
        <NativeSelect id="suite" value={suiteId} onChange={(e) => setSuiteId(e.target.value)} disabled={busy}>
          <option value="">Choose the app that was recorded…</option>
          {suites.map((suite) => (
            <option key={suite.id} value={suite.id}>
              {suite.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="description">Description</Label>
        <Input
          id="description"
          value={description}
          maxLength={2000}
          placeholder="What the person did, e.g. “Reply to Ana about the offsite”"
          onChange={(e) => setDescription(e.target.value)}
          disabled={busy}
        />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="timezone">Time zone</Label>
        <Input
          id="timezone"
          value={timezone}
          list="timezone-names"
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. Europe/Berlin"
          aria-describedby="timezone-help"
          onChange={(e) => setTimezone(e.target.value)}
          disabled={busy}
        />
        <datalist id="timezone-names">
          {zoneNames.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <p id="timezone-help" className="text-xs text-muted-foreground">
          Where the person recorded: calendar times are written with this zone's offset on each date. Leave it
          empty to take it from the recording or the pages it shows.
        </p>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="files">Recordings</Label>
        <Input
          id="files"
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS}
          className="h-auto py-1.5 file:mr-3 file:rounded file:bg-accent file:px-2 file:py-0.5 file:text-sm file:font-medium"
          disabled={busy}
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []));
            setProgress([]);
          }}
        />
        <p className="text-xs text-muted-foreground">
          Native input_events.jsonl, rrweb JSON, a DevTools Recorder flow or a Chrome trace; .gz accepted.
        </p>
      </div>
      {files.length > 0 && (
        <ul className="flex flex-col gap-3" aria-label="Files">
          {files.map((file, index) => (
            <FileProgress
              key={`${file.name}:${file.size}:${file.lastModified}`}
              file={file}
              fraction={progress[index]}
            />
          ))}
        </ul>
      )}
      {errors.length > 0 && (
        <div
          role="alert"
          className="rounded-md border border-danger-border bg-danger-muted p-3 text-sm text-danger-muted-foreground"
        >
          <ul className="list-inside list-disc">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {sessionId && (
        <p role="status" className="text-sm text-success">
          Session <code data-testid="session-id">{sessionId}</code> created. Opening it…
        </p>
      )}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Upload"}
        </Button>
      </div>
    </form>
  );
}
