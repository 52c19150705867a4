// Plain names for the pipeline's layers (inside the code they are bronze, silver and gold).
const stages = [
  { name: "Recording", detail: "rrweb · Recorder · trace · JSONL" },
  { name: "Events", detail: "checked, cleaned and put in time order" },
  { name: "Interactions", detail: "keystrokes merged into typed text; clicks, submits" },
  { name: "Actions", detail: "what the person did, e.g. “send email”, with its values" },
  { name: "Examples", detail: "MCP tool calls as JSONL" },
];

/** The pipeline in one row: what happens between an upload and a training file. */
export function PipelineDiagram() {
  return (
    <ol className="grid grid-cols-1 gap-3 sm:grid-cols-5" aria-label="How a recording becomes training data">
      {stages.map((stage, index) => (
        <li key={stage.name} className="relative rounded-lg border bg-card p-4 shadow-sm">
          <span className="text-xs font-medium text-link">{index + 1}</span>
          <p className="font-semibold">{stage.name}</p>
          <p className="text-sm text-muted-foreground">{stage.detail}</p>
        </li>
      ))}
    </ol>
  );
}
