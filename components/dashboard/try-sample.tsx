"use client";

import { FlaskConical } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postJson, sendFile, UploadError, type UploadPlan } from "@/components/upload/upload-client";
import { fetchApi } from "@/lib/api/fetch-api";
import type { SampleRecording } from "@/lib/samples/sample-recordings";

type Sample = SampleRecording & { suiteName: string };
type Stage = "downloading" | "uploading" | "processing" | "writing";

const STAGE_TEXT: Record<Stage, string> = {
  downloading: "Fetching the sample…",
  uploading: "Uploading…",
  processing: "Running the pipeline…",
  writing: "Writing the training example…",
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a resource until its status settles; the pipeline takes about a second for a sample. */
async function waitUntilSettled(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const { status, error } = await fetchApi<{ status: string; error?: string | null }>(url);
    if (status === "completed") return;
    if (status === "failed") throw new UploadError(`The ${what} failed${error ? `: ${error}` : ""}`);
    await pause(400);
  }
  throw new UploadError(`The ${what} is taking longer than expected; find it under Sessions.`);
}

/**
 * "Try a sample recording": the suite's sample goes through the same path as a customer's file — direct upload,
 * the durable pipeline, then an example requested once the session is processed (a request made earlier would
 * wait for the job's next session check) — and the session opens with its example.
 */
export function TrySample({ samples }: { samples: Sample[] }) {
  const router = useRouter();
  const [running, setRunning] = useState<{ suite: string; stage: Stage }>();
  const [error, setError] = useState<string>();

  async function run(sample: Sample) {
    setError(undefined);
    const step = (stage: Stage) => setRunning({ suite: sample.suiteSlug, stage });
    try {
      step("downloading");
      const response = await fetch(sample.url);
      if (!response.ok) throw new UploadError(`Could not fetch the sample (${response.status})`);
      const file = new File([await response.blob()], sample.fileName, { type: "application/x-ndjson" });
      step("uploading");
      const plan = await postJson<UploadPlan>("/v1/uploads", {
        files: [{ file_name: file.name, size_bytes: file.size }],
      });
      await sendFile(plan, 0, file, () => {});
      const session = await postJson<{ id: string }>("/v1/uploads/complete", {
        session_token: plan.session_token,
        suite_id: sample.suiteSlug,
        description: sample.description,
        files: plan.uploads.map((u) => ({ key: u.key, file_name: u.file_name })),
      });
      step("processing");
      await waitUntilSettled(`/v1/sessions/${session.id}`, "pipeline run");
      step("writing");
      const example = await postJson<{ id: string }>("/v1/examples", { session_id: session.id });
      await waitUntilSettled(`/v1/examples/${example.id}`, "example");
      router.push(`/sessions/${session.id}`);
    } catch (caught) {
      setError((caught as Error).message);
      setRunning(undefined);
    }
  }

  return (
    <section
      aria-labelledby="try-sample"
      className="flex flex-col gap-3 rounded-lg border border-dashed border-input p-6"
    >
      <div>
        <h2 id="try-sample" className="flex items-center gap-2 text-lg font-semibold">
          <FlaskConical className="size-5" aria-hidden />
          Try a sample recording
        </h2>
        <p className="text-sm text-muted-foreground">
          No recording at hand? Process one of ours: a real recording of someone using the app, uploaded and
          run through the pipeline like yours would be. It takes a few seconds and costs nothing.
        </p>
      </div>
      <ul className="flex flex-wrap gap-2">
        {samples.map((sample) => (
          <li key={sample.suiteSlug}>
            <Button
              variant="outline"
              disabled={running !== undefined}
              onClick={() => void run(sample)}
              aria-describedby={`sample-${sample.suiteSlug}`}
            >
              Try a {sample.suiteName} sample
            </Button>
            <span id={`sample-${sample.suiteSlug}`} className="sr-only">
              {sample.description}
            </span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-muted-foreground">
        Curious about the format? Download a sample:{" "}
        {samples.map((sample, index) => (
          <span key={sample.suiteSlug}>
            {index > 0 ? " · " : null}
            <a className="text-link hover:underline" href={sample.url} download={sample.fileName}>
              {sample.suiteName}
            </a>
          </span>
        ))}
      </p>
      {running ? (
        <p role="status" className="text-sm">
          {STAGE_TEXT[running.stage]}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
