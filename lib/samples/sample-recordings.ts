import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";

/**
 * One real recording per catalog suite, in the native `input_events.jsonl` format, served from `public/samples/`
 * so the dashboard's "Try a sample recording" uploads it through the path every customer file takes (and a
 * newcomer can download it to see the format). Each one was recorded from the fixture corpus and is checked by
 * `scripts/accuracy/sample-recordings.test.ts` to give the tool calls its scenario expects.
 */
export interface SampleRecording {
  suiteSlug: string;
  /** Public URL of the file; its name is the one the upload carries. */
  url: string;
  fileName: string;
  /** What the person did, as the session's description. */
  description: string;
}

const SAMPLES: Record<string, Omit<SampleRecording, "suiteSlug">> = {
  gmail: {
    url: "/samples/gmail.jsonl",
    fileName: "gmail-sample-input_events.jsonl",
    description: "Sample: search the inbox, then write and send an email",
  },
  "google-calendar": {
    url: "/samples/google-calendar.jsonl",
    fileName: "google-calendar-sample-input_events.jsonl",
    description: "Sample: search the calendar, then create an event",
  },
  github: {
    url: "/samples/github.jsonl",
    fileName: "github-sample-input_events.jsonl",
    description: "Sample: search repositories, then comment on an issue",
  },
};

/** The samples of the suites this build ships, in catalog order, with each suite's display name. */
export function listSampleRecordings(): (SampleRecording & { suiteName: string })[] {
  return getBundledCatalog().suites.flatMap((suite) => {
    const sample = SAMPLES[suite.slug];
    return sample ? [{ ...sample, suiteSlug: suite.slug, suiteName: suite.name }] : [];
  });
}
