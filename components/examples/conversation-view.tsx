import { Bot, Settings2, User, Wrench } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { ParsedRecord, PreviewTurn, TurnRole } from "./parse-example-record";

const roleStyle: Record<TurnRole, { label: string; icon: typeof Bot; className: string }> = {
  system: {
    label: "System",
    icon: Settings2,
    className: "bg-muted",
  },
  user: {
    label: "User",
    icon: User,
    className: "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950",
  },
  assistant: {
    label: "Assistant",
    icon: Bot,
    className: "border-emerald-200 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950",
  },
  tool: {
    label: "Tool result",
    icon: Wrench,
    className: "border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950",
  },
};

const pretty = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

function Turn({ turn }: { turn: PreviewTurn }) {
  const style = roleStyle[turn.role];
  const Icon = style.icon;
  const isLongSystem = turn.role === "system" && (turn.text?.length ?? 0) > 280;
  return (
    <li
      data-testid="preview-turn"
      data-role={turn.role}
      className={cn("rounded-lg border p-3", style.className)}
    >
      <div className="mb-1 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-foreground">
        <Icon className="size-3.5" aria-hidden />
        {style.label}
      </div>
      {turn.text ? (
        isLongSystem ? (
          <details>
            <summary className="cursor-pointer text-sm">{turn.text.slice(0, 200)}…</summary>
            <p className="mt-2 whitespace-pre-wrap break-words text-sm">{turn.text}</p>
          </details>
        ) : (
          <p className="whitespace-pre-wrap break-words text-sm">{turn.text}</p>
        )
      ) : null}
      {turn.toolCalls?.map((call, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: calls of one turn have no id of their own here
          key={index}
          data-testid="preview-tool-call"
          className="mt-2 rounded-md border bg-card dark:border-zinc-700"
        >
          <div className="flex items-center gap-1.5 border-b px-3 py-1.5 text-sm dark:border-zinc-700">
            <Wrench className="size-3.5 text-muted-foreground" aria-hidden />
            <span className="text-muted-foreground">Tool call</span>
            <code className="font-mono font-semibold">{call.name}</code>
          </div>
          <pre className="overflow-x-auto p-3 font-mono text-xs leading-relaxed">
            {pretty(call.arguments)}
          </pre>
        </div>
      ))}
    </li>
  );
}

/** One training record as a conversation: system, user and assistant turns, tool calls with their arguments. */
export function ConversationView({
  record,
  raw,
  index,
}: {
  record: ParsedRecord;
  raw: unknown;
  index: number;
}) {
  return (
    <article
      aria-label={`Record ${index + 1}`}
      data-testid="preview-record"
      className="flex flex-col gap-3 rounded-lg border p-4"
    >
      <header className="flex items-center justify-between text-sm">
        <h3 className="font-semibold">Record {index + 1}</h3>
        <span className="text-xs text-muted-foreground">
          {record.format === "unknown" ? "unrecognised shape" : `${record.format} format`} ·{" "}
          {record.toolCount} tool{record.toolCount === 1 ? "" : "s"} offered
        </span>
      </header>
      {record.turns.length > 0 ? (
        <ol className="flex flex-col gap-2">
          {record.turns.map((turn, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: turns are positional
            <Turn key={i} turn={turn} />
          ))}
        </ol>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground">Raw JSON</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">
          {JSON.stringify(raw, null, 2)}
        </pre>
      </details>
    </article>
  );
}
