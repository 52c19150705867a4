import type { ApiKeyScope } from "@/lib/auth/principal";

/** What each scope allows, in the words of the routes it opens (`authedRoute({ scopes })` in app/v1). */
export const SCOPE_HELP: Record<ApiKeyScope, string> = {
  ingest:
    "Upload recordings and stream events: create a session, send its events, complete it. It cannot read sessions or examples back — for recorders and CI jobs.",
  read: "Read sessions, timelines, review items and examples. It cannot upload or change anything — for dashboards and training jobs.",
  full: "Everything: upload, read, generate examples, decide review items and manage API keys. Keep it on servers you control.",
};

export interface KeyCommand {
  title: string;
  command: string;
}

/**
 * Commands a new key can run as they are: one setup block (the variables the CLI reads too), then what its scope
 * allows — streaming for `ingest`, listing sessions for `read`, both and an example for `full`.
 */
export function keyCommands({
  origin,
  secret,
  scope,
}: {
  origin: string;
  secret: string;
  scope: ApiKeyScope;
}): KeyCommand[] {
  const setup: KeyCommand = {
    title: "Set the server and key (the CLI reads the same variables)",
    command: `export TRACEPIPE_URL=${origin}\nexport TRACEPIPE_API_KEY=${secret}`,
  };
  const auth = `-H "Authorization: Bearer $TRACEPIPE_API_KEY"`;
  const stream: KeyCommand = {
    title: "Open a session, send an event, complete it (curl)",
    command: [
      `SESSION=$(curl -sS -X POST "$TRACEPIPE_URL/v1/sessions" ${auth} \\`,
      `  -H "Content-Type: application/json" -d '{"suite_id":"gmail","description":"My first session"}' \\`,
      `  | sed -E 's/.*[{,]"id":"([0-9a-f-]{36})".*/\\1/')`,
      `curl -sS -X POST "$TRACEPIPE_URL/v1/sessions/$SESSION/events" ${auth} \\`,
      `  -H "Content-Type: application/json" \\`,
      `  -d '[{"id":"evt-1","timestamp":'$(date +%s000)',"type":"click","url":"https://mail.google.com/mail/u/0/#inbox","target":{"tag":"div","role":"button","text":"Compose"}}]'`,
      `curl -sS -X POST "$TRACEPIPE_URL/v1/sessions/$SESSION/complete" ${auth}`,
    ].join("\n"),
  };
  const list: KeyCommand = {
    title: "List your sessions (curl)",
    command: `curl -sS "$TRACEPIPE_URL/v1/sessions" ${auth}`,
  };
  const cli: Record<ApiKeyScope, KeyCommand> = {
    ingest: {
      title: "Upload a recording (CLI)",
      command: "npx tracepipe upload input_events.jsonl --suite gmail",
    },
    read: { title: "A session's status (CLI)", command: "npx tracepipe status <session-id>" },
    full: {
      title: "Upload, wait for the pipeline, download the examples (CLI)",
      command:
        "npx tracepipe upload input_events.jsonl --suite gmail --wait\nnpx tracepipe examples <session-id> --out examples.jsonl",
    },
  };
  const byScope: Record<ApiKeyScope, KeyCommand[]> = {
    ingest: [stream],
    read: [list],
    full: [list, stream],
  };
  return [setup, ...byScope[scope], cli[scope]];
}
