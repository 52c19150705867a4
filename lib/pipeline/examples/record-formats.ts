import type { CatalogTool } from "@/schemas/catalog";

export const exampleFormats = ["openai", "anthropic", "sharegpt", "gemini"] as const;
export type ExampleFormat = (typeof exampleFormats)[number];

export type ExampleCall = { id: string; name: string; arguments: Record<string, unknown> };
/** One training conversation: a system prompt, the user's request, the assistant's tool call(s). */
export type Conversation = { system: string; user: string; calls: ExampleCall[]; tools: CatalogTool[] };

type Json = Record<string, unknown>;

function openai(c: Conversation): Json {
  return {
    messages: [
      { role: "system", content: c.system },
      { role: "user", content: c.user },
      {
        role: "assistant",
        tool_calls: c.calls.map((call) => ({
          id: call.id,
          type: "function",
          function: { name: call.name, arguments: JSON.stringify(call.arguments) },
        })),
      },
    ],
    tools: c.tools.map((tool) => ({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: tool.input_schema },
    })),
    ...(c.calls.length > 1 ? { parallel_tool_calls: true } : {}),
  };
}

function anthropic(c: Conversation): Json {
  return {
    system: c.system,
    messages: [
      { role: "user", content: [{ type: "text", text: c.user }] },
      {
        role: "assistant",
        content: c.calls.map((call) => ({
          type: "tool_use",
          id: call.id.replace(/^call_/, "toolu_"),
          name: call.name,
          input: call.arguments,
        })),
      },
    ],
    tools: c.tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      input_schema: tool.input_schema,
    })),
  };
}

/** Hermes function-calling convention: tool signatures in `<tools>` in the system turn, calls in `<tool_call>`. */
function sharegpt(c: Conversation): Json {
  const signatures = c.tools.map((tool) => ({
    type: "function",
    function: { name: tool.name, description: tool.description, parameters: tool.input_schema },
  }));
  const system =
    `${c.system}\n\nYou are a function calling AI model. You are provided with function signatures within <tools></tools> XML tags. ` +
    "You may call one or more functions to assist with the user query. Don't make assumptions about what values to plug into functions.\n" +
    `<tools>\n${signatures.map((s) => JSON.stringify(s)).join("\n")}\n</tools>\n` +
    'For each function call return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{"name": <function-name>, "arguments": <args-dict>}\n</tool_call>';
  return {
    conversations: [
      { from: "system", value: system },
      { from: "human", value: c.user },
      {
        from: "gpt",
        value: c.calls
          .map(
            (call) =>
              `<tool_call>\n${JSON.stringify({ name: call.name, arguments: call.arguments })}\n</tool_call>`,
          )
          .join("\n"),
      },
    ],
    tools: JSON.stringify(signatures),
  };
}

/** Gemini takes an OpenAPI subset: no `additionalProperties`, and only the `enum`/`date-time` string formats. */
function toGeminiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toGeminiSchema);
  if (!schema || typeof schema !== "object") return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === "additionalProperties" || key === "$schema") continue;
    if (key === "format" && value !== "date-time" && value !== "enum") continue;
    out[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toGeminiSchema(v)]))
        : toGeminiSchema(value);
  }
  return out;
}

function gemini(c: Conversation): Json {
  return {
    systemInstruction: { role: "system", parts: [{ text: c.system }] },
    contents: [
      { role: "user", parts: [{ text: c.user }] },
      {
        role: "model",
        parts: c.calls.map((call) => ({ functionCall: { name: call.name, args: call.arguments } })),
      },
    ],
    tools: [
      {
        functionDeclarations: c.tools.map((tool) => ({
          name: tool.name,
          description: tool.description,
          parameters: toGeminiSchema(tool.input_schema),
        })),
      },
    ],
  };
}

const writers: Record<ExampleFormat, (c: Conversation) => Json> = { openai, anthropic, sharegpt, gemini };

export function formatConversation(format: ExampleFormat, conversation: Conversation): Json {
  return writers[format](conversation);
}

export function isExampleFormat(value: string): value is ExampleFormat {
  return (exampleFormats as readonly string[]).includes(value);
}
