import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ThemedImage } from "@/components/marketing/themed-image";

export const metadata: Metadata = { title: "Capture guide" };

const rrwebSnippet = `<script src="https://cdn.jsdelivr.net/npm/rrweb@2.2.2/dist/rrweb.umd.min.cjs"></script>
<script>
  const events = [];
  rrweb.record({
    emit: (event) => events.push(event),
    // Keep typed text (passwords stay masked): Tracepipe needs values to fill tool arguments.
    maskAllInputs: false,
    maskInputOptions: { password: true },
  });
  // When the task is done: save the events as a .json file and upload it.
  window.saveRecording = () => {
    const blob = new Blob([JSON.stringify(events)], { type: "application/json" });
    const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: "rrweb.json" });
    a.click();
  };
</script>`;

function Step({ n, children }: { n: number; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">
        {n}
      </span>
      <div className="text-foreground">{children}</div>
    </li>
  );
}

export default function CaptureGuidePage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Capture guide</h1>
      <p className="mt-3 text-muted-foreground">
        Three ways to record someone doing a task in Gmail, Google Calendar or GitHub. Each produces a file
        you can{" "}
        <Link className="text-link underline" href="/upload">
          upload
        </Link>{" "}
        or stream through the{" "}
        <Link className="text-link underline" href="/v1/docs">
          API
        </Link>
        . Do one task per recording when you can: it keeps each example clean.
      </p>

      <section className="mt-12" aria-labelledby="recorder">
        <h2 id="recorder" className="text-xl font-semibold">
          Chrome DevTools Recorder (best for scripted tasks)
        </h2>
        <ol className="mt-4 space-y-3">
          <Step n={1}>Open the app (e.g. mail.google.com), press F12 and open the Recorder panel.</Step>
          <Step n={2}>
            Click “Create a new recording”, give it a name, and keep the selector types aria, CSS, text and
            XPath ticked.
          </Step>
          <Step n={3}>Do the task as you normally would: open Compose, fill in the fields, press Send.</Step>
          <Step n={4}>
            Click “End recording”, then Export → “JSON”. Upload that file with the suite you recorded.
          </Step>
        </ol>
        <ThemedImage
          className="mt-6 rounded-lg border"
          src="/guide/recorder.svg"
          darkSrc="/guide/recorder-dark.svg"
          alt="The Recorder panel with the Export button highlighted"
          width={640}
          height={300}
        />
      </section>

      <section className="mt-12" aria-labelledby="rrweb">
        <h2 id="rrweb" className="text-xl font-semibold">
          rrweb (best for real work in your own tools)
        </h2>
        <ol className="mt-4 space-y-3">
          <Step n={1}>
            Add the rrweb recorder to the page or an extension content script (snippet below).
          </Step>
          <Step n={2}>
            Keep inputs unmasked except passwords: masked values (all `*`) are detected and never become
            arguments.
          </Step>
          <Step n={3}>
            Save the event array as JSON (or NDJSON, one event per line), optionally gzipped, and upload it.
          </Step>
          <Step n={4}>
            For long sessions, stream events to <code>POST /v1/sessions/&#123;id&#125;/events</code> with an
            ingest-scoped API key.
          </Step>
        </ol>
        <pre className="mt-6 overflow-x-auto rounded-lg bg-code text-code-foreground p-4 text-xs">
          <code>{rrwebSnippet}</code>
        </pre>
      </section>

      <section className="mt-12" aria-labelledby="tracing">
        <h2 id="tracing" className="text-xl font-semibold">
          chrome://tracing or the Performance panel (timing only)
        </h2>
        <ol className="mt-4 space-y-3">
          <Step n={1}>
            In DevTools → Performance, tick “Screenshots”, click Record, do the task, click Stop. Or in
            chrome://tracing record with the categories <code>devtools.timeline</code>,{" "}
            <code>disabled-by-default-devtools.screenshot</code> and <code>blink.user_timing</code>.
          </Step>
          <Step n={2}>Save the profile (trace.json or trace.json.gz) and upload it.</Step>
          <Step n={3}>
            Know what a trace can give: input event types, navigations, URLs and screenshots on a timeline. It
            cannot give typed text or which element was used, so Tracepipe proposes action candidates for
            review and never invents parameter values.
          </Step>
        </ol>
        <ThemedImage
          className="mt-6 rounded-lg border"
          src="/guide/tracing.svg"
          darkSrc="/guide/tracing-dark.svg"
          alt="The Performance panel with Record and Save profile"
          width={640}
          height={260}
        />
      </section>
    </main>
  );
}
