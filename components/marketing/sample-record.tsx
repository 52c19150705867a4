const sample = `{"messages":[
  {"role":"system","content":"You operate Gmail through its MCP tools."},
  {"role":"user","content":"Email ana@example.com about \\"Q3 numbers\\": Attached are the final figures."},
  {"role":"assistant","tool_calls":[{"type":"function","function":{
    "name":"send_email",
    "arguments":"{\\"to\\":[\\"ana@example.com\\"],\\"subject\\":\\"Q3 numbers\\",\\"body\\":\\"Attached are the final figures.\\"}"}}]}
]}`;

export function SampleRecord() {
  return (
    // Wraps inside its box: a long line is never cut off, on a phone or beside the headline.
    <pre className="whitespace-pre-wrap rounded-lg bg-code p-4 text-xs leading-relaxed text-code-foreground [overflow-wrap:anywhere]">
      <code>{sample}</code>
    </pre>
  );
}
