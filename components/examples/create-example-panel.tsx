import { getExampleFormOptions } from "@/lib/examples/get-example-form-options";
import { CreateExampleForm } from "./create-example-form";

/** Server wrapper: reads the catalog and whether an LLM gateway is configured, then renders the form. */
export function CreateExamplePanel({ sessionId, suiteId }: { sessionId: string; suiteId: string }) {
  return (
    <CreateExampleForm sessionId={sessionId} suiteId={suiteId} options={getExampleFormOptions(suiteId)} />
  );
}
