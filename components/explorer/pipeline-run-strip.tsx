export interface StageSpan {
  stage: string;
  ms: number;
  count?: number;
  error?: string;
}

// The stored stage names are the code's (bronze, silver, gold); people read what each step made.
const STAGE_NAMES: Record<string, { name: string; explains: string }> = {
  bronze: {
    name: "Events checked",
    explains: "raw events validated, cleaned, redacted and put in time order",
  },
  silver: { name: "Interactions", explains: "events merged into clicks, typed text and submits" },
  gold: { name: "Actions", explains: "what the person did, with its values, ready to become tool calls" },
};

const stageName = (stage: string) => STAGE_NAMES[stage]?.name ?? stage;

/** How long each step of the pipeline took for this session, with what it produced. */
export function PipelineRunStrip({ stages }: { stages: StageSpan[] }) {
  const total = stages.reduce((sum, s) => sum + s.ms, 0) || 1;
  if (stages.length === 0) return null;
  return (
    <section aria-label="Pipeline run" className="border-t p-3 text-xs" data-testid="pipeline-run">
      <p className="mb-2 font-medium">Pipeline run: how long each step took</p>
      <div className="flex h-6 w-full overflow-hidden rounded">
        {stages.map((s, i) => (
          <div
            key={s.stage}
            title={`${stageName(s.stage)}: ${Math.round(s.ms)} ms${s.count !== undefined ? `, ${s.count} items` : ""}${s.error ? `, ${s.error}` : ""}`}
            className={
              s.error
                ? "bg-red-500"
                : ["bg-indigo-400", "bg-sky-400", "bg-emerald-400", "bg-amber-400"][i % 4]
            }
            style={{ width: `${Math.max(2, (s.ms / total) * 100)}%` }}
          />
        ))}
      </div>
      <ul className="mt-2 flex flex-col gap-1 text-muted-foreground sm:flex-row sm:flex-wrap sm:gap-x-4">
        {stages.map((s) => (
          <li key={s.stage}>
            <span className="font-medium text-foreground">{stageName(s.stage)}</span>: {Math.round(s.ms)} ms
            {s.count !== undefined ? ` · ${s.count.toLocaleString()}` : ""}
            {s.error ? ` · ${s.error}` : ""}
            {STAGE_NAMES[s.stage] ? (
              <span className="block text-[11px] sm:inline"> ({STAGE_NAMES[s.stage]?.explains})</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
