import { isValidTimeZone } from "@/lib/pipeline/timezone/is-valid-time-zone";

const ACCEPTED = /\.(json|jsonl|ndjson|gz)$/i;
const MAX_FILES = 20;
const MAX_FILE_BYTES = 5 * 1024 * 1024 * 1024;

/** What is wrong with the form, one sentence per problem; empty when it can be sent. */
export function validateUpload({
  suiteId,
  files,
  timezone = "",
}: {
  suiteId: string;
  files: File[];
  timezone?: string;
}): string[] {
  const problems: string[] = [];
  if (!suiteId) problems.push("Choose a suite.");
  if (timezone.trim() && !isValidTimeZone(timezone.trim()))
    problems.push(`“${timezone.trim()}” is not a time zone; use an IANA name such as Europe/Berlin.`);
  if (files.length === 0) problems.push("Choose at least one recording file.");
  if (files.length > MAX_FILES) problems.push(`At most ${MAX_FILES} files per upload.`);
  for (const file of files) {
    if (!ACCEPTED.test(file.name)) {
      problems.push(`${file.name}: not a recording file (.json, .jsonl, .ndjson or .gz).`);
    } else if (file.size === 0) {
      problems.push(`${file.name}: the file is empty.`);
    } else if (file.size > MAX_FILE_BYTES) {
      problems.push(`${file.name}: larger than the 5 GB limit.`);
    }
  }
  return problems;
}
