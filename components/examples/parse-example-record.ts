import { isRecord } from "@/lib/pipeline/is-record";
/**
 * Turns one JSONL training record into conversation turns for the preview. Knows the four formats the
 * pipeline writes (OpenAI chat, Anthropic messages, ShareGPT/Hermes, Gemini contents); anything else is shown
 * as raw JSON by the caller.
 */
export type RecordFormat = "openai" | "anthropic" | "sharegpt" | "gemini" | "unknown";
export type TurnRole = "system" | "user" | "assistant" | "tool";
export interface PreviewToolCall {
  name: string;
  arguments: unknown;
}
export interface PreviewTurn {
  role: TurnRole;
  text?: string;
  toolCalls?: PreviewToolCall[];
}
export interface ParsedRecord {
  format: RecordFormat;
  turns: PreviewTurn[];
  toolCount: number;
}

type Json = Record<string, unknown>;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** Tool-call arguments are a JSON string in OpenAI records: show them parsed when they parse. */
function parseArguments(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function role(value: unknown): TurnRole {
  if (value === "system" || value === "developer") return "system";
  if (value === "assistant" || value === "model" || value === "gpt") return "assistant";
  if (value === "tool" || value === "function" || value === "observation") return "tool";
  return "user";
}

const joinText = (parts: (string | undefined)[]) => {
  const text = parts.filter((p): p is string => Boolean(p)).join("\n\n");
  return text || undefined;
};

function turn(r: TurnRole, text: string | undefined, toolCalls: PreviewToolCall[]): PreviewTurn {
  return { role: r, ...(text ? { text } : {}), ...(toolCalls.length ? { toolCalls } : {}) };
}

function parseOpenai(record: Json): ParsedRecord {
  const turns = asArray(record.messages)
    .filter(isRecord)
    .map((m) => {
      const content = Array.isArray(m.content)
        ? joinText(m.content.filter(isRecord).map((p) => str(p.text)))
        : str(m.content);
      const calls = asArray(m.tool_calls)
        .filter(isRecord)
        .map((c) => {
          const fn = isRecord(c.function) ? c.function : {};
          return { name: str(fn.name) ?? "?", arguments: parseArguments(fn.arguments) };
        });
      return turn(role(m.role), content, calls);
    });
  return { format: "openai", turns, toolCount: asArray(record.tools).length };
}

function parseAnthropic(record: Json): ParsedRecord {
  const system = Array.isArray(record.system)
    ? joinText(record.system.filter(isRecord).map((b) => str(b.text)))
    : str(record.system);
  const turns: PreviewTurn[] = system ? [{ role: "system", text: system }] : [];
  for (const m of asArray(record.messages).filter(isRecord)) {
    if (typeof m.content === "string") {
      turns.push(turn(role(m.role), m.content, []));
      continue;
    }
    const blocks = asArray(m.content).filter(isRecord);
    const results = blocks.filter((b) => b.type === "tool_result");
    const text = joinText(blocks.filter((b) => b.type === "text").map((b) => str(b.text)));
    const calls = blocks
      .filter((b) => b.type === "tool_use")
      .map((b) => ({ name: str(b.name) ?? "?", arguments: b.input }));
    if (text || calls.length) turns.push(turn(role(m.role), text, calls));
    for (const r of results) turns.push({ role: "tool", text: JSON.stringify(r.content, null, 2) });
  }
  return { format: "anthropic", turns, toolCount: asArray(record.tools).length };
}

const TOOLS_BLOCK = /<tools>[\s\S]*?<\/tools>/g;
const TOOL_CALL = /<tool_call>\s*([\s\S]*?)\s*<\/tool_call>/g;

function parseSharegpt(record: Json): ParsedRecord {
  const turns = asArray(record.conversations)
    .filter(isRecord)
    .map((m) => {
      const value = str(m.value) ?? "";
      const calls: PreviewToolCall[] = [];
      for (const match of value.matchAll(TOOL_CALL)) {
        const call = parseArguments(match[1]);
        calls.push(
          isRecord(call)
            ? { name: str(call.name) ?? "?", arguments: call.arguments }
            : { name: "?", arguments: call },
        );
      }
      // The Hermes system turn embeds every tool signature: the preview lists them once, not inline.
      const text = value.replace(TOOL_CALL, "").replace(TOOLS_BLOCK, "<tools>…</tools>").trim();
      return turn(role(m.from), text || undefined, calls);
    });
  let toolCount = 0;
  try {
    toolCount = asArray(typeof record.tools === "string" ? JSON.parse(record.tools) : record.tools).length;
  } catch {
    toolCount = 0;
  }
  return { format: "sharegpt", turns, toolCount };
}

function geminiParts(parts: unknown): { text?: string; calls: PreviewToolCall[]; results: unknown[] } {
  const list = asArray(parts).filter(isRecord);
  return {
    text: joinText(list.map((p) => str(p.text))),
    calls: list
      .map((p) => p.functionCall)
      .filter(isRecord)
      .map((c) => ({ name: str(c.name) ?? "?", arguments: c.args })),
    results: list.map((p) => p.functionResponse).filter(isRecord),
  };
}

function parseGemini(record: Json): ParsedRecord {
  const turns: PreviewTurn[] = [];
  if (isRecord(record.systemInstruction)) {
    const system = geminiParts(record.systemInstruction.parts).text;
    if (system) turns.push({ role: "system", text: system });
  }
  for (const content of asArray(record.contents).filter(isRecord)) {
    const { text, calls, results } = geminiParts(content.parts);
    if (text || calls.length) turns.push(turn(role(content.role), text, calls));
    for (const r of results) turns.push({ role: "tool", text: JSON.stringify(r, null, 2) });
  }
  const toolCount = asArray(record.tools)
    .filter(isRecord)
    .reduce((sum, t) => sum + asArray(t.functionDeclarations).length, 0);
  return { format: "gemini", turns, toolCount };
}

export function parseExampleRecord(record: unknown): ParsedRecord {
  if (!isRecord(record)) return { format: "unknown", turns: [], toolCount: 0 };
  if (Array.isArray(record.conversations)) return parseSharegpt(record);
  if (Array.isArray(record.contents)) return parseGemini(record);
  if (Array.isArray(record.messages)) {
    // Anthropic keeps the system prompt outside `messages` and content as typed blocks.
    const isAnthropic =
      "system" in record ||
      asArray(record.messages).some(
        (m) => isRecord(m) && asArray(m.content).some((b) => isRecord(b) && b.type === "tool_use"),
      );
    return isAnthropic ? parseAnthropic(record) : parseOpenai(record);
  }
  return { format: "unknown", turns: [], toolCount: 0 };
}
