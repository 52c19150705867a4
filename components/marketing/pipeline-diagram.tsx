const stages = [
  { name: "Recording", detail: "rrweb · Recorder · trace · JSONL" },
  { name: "Bronze", detail: "validated, time-ordered events" },
  { name: "Silver", detail: "typing runs, clicks, submits" },
  { name: "Gold", detail: "catalog actions + parameters" },
  { name: "Examples", detail: "MCP tool calls as JSONL" },
];

/** The pipeline in one row: what happens between an upload and a training file. */
export function PipelineDiagram() {
  return (
    <ol className="grid gap-3 sm:grid-cols-5" aria-label="How a recording becomes training data">
      {stages.map((stage, index) => (
        <li
          key={stage.name}
          className="relative rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          <span className="text-xs font-medium text-brand-600">{index + 1}</span>
          <p className="font-semibold">{stage.name}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{stage.detail}</p>
        </li>
      ))}
    </ol>
  );
}
