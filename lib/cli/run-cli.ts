import { AuthError } from "@azure/msal-node";
import { ExampleConfigurationError } from "@/lib/pipeline/examples/generate-examples";
import { ImportLimitError, UnsupportedRecordingError } from "@/lib/pipeline/import/import-issue";
import { ApiProblemError } from "./api-client";
import { NotSignedInError } from "./auth/entra-login";
import { type CliDeps, type CliIo, UsageError } from "./cli-context";
import { runConvert } from "./convert-command";
import { runExamples } from "./examples-command";
import { CliInputError } from "./import-events";
import { runLogin, runLogout } from "./login-commands";
import { runMcp } from "./mcp-command";
import { runStatus, runUpload } from "./session-commands";
import { runStream } from "./stream-command";

export type { CliDeps, CliIo };

const usage = `Usage: tracepipe <command> [options]

Offline:
  convert <recording> --suite <slug>        recording → MCP tool-call training examples (see convert --help)

With a Tracepipe server (--server <url>, else TRACEPIPE_URL, default http://localhost:3000):
  upload <file…> --suite <slug[,slug…]> [--timezone <IANA zone>] [--description <text>] [--wait] [--timeout <s>]
                                            upload recordings; --wait polls until the pipeline is done
  stream <file.jsonl> --suite <slug[,slug…]> [--timezone <IANA zone>] [--batch <n>] [--description <text>]
                      [--session <id>]
                                            send native JSONL events in batches, then complete the session
  status <session-id> [--json]              a session's status and counts
  examples <session-id> [--out <file>] [--format <f>] [--model <slug>] [--map <slug>]
                                            download the session's training examples (NDJSON), generating them if needed
  mcp [--scope read|ingest|full] [--name <text>] [--key <tp_live_…>]
                                            create a key for an agent and print how to connect Claude Code,
                                            Claude Desktop, Cursor and VS Code to the MCP endpoint
  login                                     sign in with Microsoft Entra (device code)
  logout                                    forget the cached sign-in

Credentials: TRACEPIPE_API_KEY (tp_live_…), else the sign-in from "tracepipe login"
(TRACEPIPE_ENTRA_AUTHORITY, TRACEPIPE_ENTRA_CLIENT_ID, TRACEPIPE_ENTRA_SCOPE or ENTRA_API_AUDIENCE).
Exit codes: 0 ok, 1 failed, 2 bad usage.
`;

const commands: Record<string, (argv: string[], io: CliIo, deps: CliDeps) => Promise<number>> = {
  convert: (argv, io) => runConvert(argv, io),
  upload: runUpload,
  stream: runStream,
  status: runStatus,
  examples: runExamples,
  mcp: runMcp,
  login: runLogin,
  logout: runLogout,
};

function printProblem(io: CliIo, error: ApiProblemError) {
  io.stderr(`tracepipe: ${error.title} (HTTP ${error.status})\n`);
  if (error.detail) io.stderr(`  ${error.detail}\n`);
  for (const item of error.errors) io.stderr(`  - ${item.field ?? "(request)"}: ${item.message ?? ""}\n`);
}

/** Runs the CLI; returns the process exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(usage);
    return 2;
  }
  if (command === "help" || command === "--help" || command === "-h") {
    io.stdout(usage);
    return 0;
  }
  try {
    const run = commands[command];
    if (!run) throw new UsageError(`Unknown command "${command}"`);
    if (command !== "convert" && (rest.includes("--help") || rest.includes("-h"))) {
      io.stdout(usage);
      return 0;
    }
    return await run(rest, io, deps);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExampleConfigurationError) {
      io.stderr(`tracepipe: ${error.message}\nRun "tracepipe --help" for usage.\n`);
      return 2;
    }
    if (error instanceof ApiProblemError) {
      printProblem(io, error);
      return 1;
    }
    if (
      error instanceof CliInputError ||
      error instanceof UnsupportedRecordingError ||
      error instanceof ImportLimitError ||
      error instanceof NotSignedInError
    ) {
      io.stderr(`tracepipe: ${error.message}\n`);
      return 1;
    }
    if (error instanceof AuthError) {
      io.stderr(`tracepipe: sign-in failed: ${error.errorCode}: ${error.errorMessage}\n`);
      return 1;
    }
    io.stderr(`tracepipe: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
