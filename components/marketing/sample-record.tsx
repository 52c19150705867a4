const sample = `{"messages":[
  {"role":"system","content":"You operate Gmail through its MCP tools."},
  {"role":"user","content":"Email ana@example.com about \\"Q3 numbers\\": Attached are the final figures."},
  {"role":"assistant","tool_calls":[{"type":"function","function":{
    "name":"send_email",
    "arguments":"{\\"to\\":[\\"ana@example.com\\"],\\"subject\\":\\"Q3 numbers\\",\\"body\\":\\"Attached are the final figures.\\"}"}}]}
]}`;

export function SampleRecord() {
  return (
    <pre className="overflow-x-auto rounded-lg bg-code text-code-foreground p-4 text-xs leading-relaxed">
      <code>{sample}</code>
    </pre>
  );
}
