import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { getEnv } from "@/lib/env";
import { createOpenAiCompatibleClient } from "@/lib/llm/openai-compatible-client";
import { RULES_MODEL, resolveActionToolMap } from "@/lib/pipeline/examples/generate-examples";
import { exampleFormats, isExampleFormat } from "@/lib/pipeline/examples/record-formats";
import { isValidTimeZone } from "@/lib/pipeline/examples/zoned-time";
import { recordingFormats } from "@/lib/pipeline/import/detect-format";
import { writeJsonl } from "@/lib/pipeline/jsonl";
import { type CliIo, UsageError } from "./cli-context";
import { convertSession } from "./convert-session";
import { formatIssue, openRecording } from "./import-events";

export const convertUsage = `Usage: tracepipe convert <recording> --suite <slug> [options]

Turns a browser recording (native JSONL, rrweb, DevTools Recorder, Chrome trace, Playwright codegen; gzip ok)
into MCP tool-call training examples, offline, with the bundled catalog.

Options:
  --suite <slug>        gmail | google-calendar | github (required)
  --map <slug>          action-tool map (default: the suite's only map)
  --model <slug>        instruction writer (default: ${RULES_MODEL}; others need LLM_BASE_URL)
  --format <name>       ${exampleFormats.join(" | ")} (default: openai)
  --multi-step          one record per session instead of one per action
  --timezone <zone>     IANA zone of the recording (default: from the recording, else UTC)
  --input-format <fmt>  skip format detection (native, rrweb, devtools-recorder, chrome-trace, playwright-codegen)
  --out <file>          write JSONL here instead of stdout
  --card <file>         also write a dataset card (markdown)
  -h, --help            show this help
`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        suite: { type: "string" },
        map: { type: "string" },
        model: { type: "string", default: RULES_MODEL },
        format: { type: "string", default: "openai" },
        "multi-step": { type: "boolean", default: false },
        timezone: { type: "string" },
        "input-format": { type: "string" },
        out: { type: "string" },
        card: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `tracepipe convert`: offline, with the bundled catalog; returns the exit code. */
export async function runConvert(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv);
  const [recording, ...extra] = positionals;
  if (values.help) {
    io.stdout(convertUsage);
    return 0;
  }
  if (!recording) throw new UsageError("Missing <recording>");
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
  const catalog = getBundledCatalog();
  const suites = catalog.suites.map((s) => s.slug);
  if (!values.suite) throw new UsageError(`Missing --suite (one of: ${suites.join(", ")})`);
  if (!suites.includes(values.suite))
    throw new UsageError(`Unknown suite "${values.suite}" (known: ${suites.join(", ")})`);
  if (!isExampleFormat(values.format))
    throw new UsageError(`Unknown format "${values.format}" (known: ${exampleFormats.join(", ")})`);
  const models = catalog.models.map((m) => m.slug);
  if (!models.includes(values.model))
    throw new UsageError(`Unknown model "${values.model}" (known: ${models.join(", ")})`);
  if (values.timezone && !isValidTimeZone(values.timezone))
    throw new UsageError(`Unknown time zone "${values.timezone}"`);
  const { map } = resolveActionToolMap(catalog, values.suite, values.map);
  const inputFormat = values["input-format"];
  const knownInput = recordingFormats.find((f) => f === inputFormat);
  if (inputFormat && !knownInput)
    throw new UsageError(`Unknown input format "${inputFormat}" (known: ${recordingFormats.join(", ")})`);

  let llm: ReturnType<typeof createOpenAiCompatibleClient> | undefined;
  if (values.model !== RULES_MODEL) {
    const env = getEnv();
    if (!env.LLM_BASE_URL)
      throw new UsageError(
        `Model "${values.model}" needs LLM_BASE_URL (and LLM_API_KEY) to reach an LLM gateway`,
      );
    llm = createOpenAiCompatibleClient({
      baseUrl: env.LLM_BASE_URL,
      model: values.model,
      ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}),
    });
  }

  const fileName = path.basename(recording);
  const result = await convertSession({
    source: await openRecording(recording, knownInput),
    catalog,
    suite: values.suite,
    mapSlug: map.slug,
    model: values.model,
    format: values.format,
    multiStep: values["multi-step"],
    ...(values.timezone ? { timezone: values.timezone } : {}),
    ...(llm ? { llm } : {}),
  });
  const issues = result.pipeline.bronze?.issues ?? [];
  const sourceFormat = result.pipeline.bronze?.formats[0];
  for (const issue of issues) io.stderr(`${formatIssue(fileName, issue)}\n`);
  for (const rejected of result.examples.rejected)
    io.stderr(`not emitted: ${rejected.slug}: ${rejected.errors.join("; ")}\n`);

  const jsonl = writeJsonl(result.examples.records);
  if (values.out) await writeFile(values.out, jsonl);
  else io.stdout(jsonl);
  if (values.card) await writeFile(values.card, result.card);
  const m = result.pipeline.metrics;
  io.stderr(
    `${fileName} (${sourceFormat}): ${m.events} events → ${m.interactions} interactions → ${m.actions} actions → ` +
      `${result.examples.records.length} ${values.format} records${values.out ? ` in ${values.out}` : ""}` +
      `${issues.length ? `; ${issues.length} import issues` : ""}\n`,
  );
  return 0;
}
