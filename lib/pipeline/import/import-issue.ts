import type { ZoneEvidence } from "@/lib/pipeline/timezone/zone-evidence";
import type { RecordingFormat } from "./detect-format";

/**
 * A problem found while importing one recording. Bad lines/events are reported here with where they are
 * (`line` for line formats, `path` — a JSON path such as `$.traceEvents[12]` — for JSON documents) and the rest
 * of the file is kept.
 */
export interface ImportIssue {
  file?: string;
  line?: number;
  path?: string;
  code: string;
  message: string;
}

/** A recording exceeded a configured limit (bytes or events); the import stops. */
export class ImportLimitError extends Error {
  readonly code = "import_limit_exceeded";
  constructor(
    readonly limit: "maxBytes" | "maxEvents" | "maxItemBytes",
    readonly value: number,
    message: string,
  ) {
    super(message);
    this.name = "ImportLimitError";
  }
}

/** The file is not in any format Tracepipe can import (the upload API answers 415/422 naming the file). */
export class UnsupportedRecordingError extends Error {
  readonly code = "unsupported_recording_format";
  constructor(
    readonly fileName: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = "UnsupportedRecordingError";
  }
}

/** Collects issues with a cap, so a file made only of garbage cannot grow the list without bound. */
export class IssueLog {
  readonly issues: ImportIssue[];
  private dropped = 0;

  constructor(
    private readonly file: string | undefined,
    issues: ImportIssue[] = [],
    private readonly max = 1000,
  ) {
    this.issues = issues;
  }

  add(issue: Omit<ImportIssue, "file">): void {
    if (this.issues.length < this.max) {
      this.issues.push(this.file === undefined ? issue : { file: this.file, ...issue });
      return;
    }
    this.dropped++;
  }

  /** Appends a summary of issues that did not fit under the cap; call once at the end. */
  finish(): void {
    if (this.dropped > 0) {
      this.issues.push({
        ...(this.file === undefined ? {} : { file: this.file }),
        code: "too_many_issues",
        message: `${this.dropped} further issues were not listed`,
      });
      this.dropped = 0;
    }
  }
}

/** Facts about the whole recording that importers learn on the way (read by bronze once events are consumed). */
export interface RecordingHints {
  /** UTC offset of ISO timestamps with an explicit non-`Z` offset. */
  timezoneOffsetMinutes?: number;
  /** Zone names and offsets shown in page text that no event carries (rrweb snapshots and mutations). */
  zoneEvidence?: ZoneEvidence[];
  /** `synthetic`: the format has no times, so steps were laid out on an invented timeline (Recorder, codegen). */
  clock?: "epoch" | "monotonic" | "synthetic";
}

/** What an importer needs: where to log issues, the format for provenance, and hints to fill. */
export interface ImporterContext {
  format: RecordingFormat;
  file?: string;
  log: IssueLog;
  hints: RecordingHints;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
