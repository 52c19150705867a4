"use client";

import Link from "next/link";
import { forwardRef, useImperativeHandle, useRef, useState } from "react";
import { SessionExplorerLoader } from "@/components/explorer/session-explorer-loader";
import { Button } from "@/components/ui/button";
import type { CatalogTool } from "@/schemas/catalog";
import type { ReviewItemResource } from "@/schemas/review-items";
import { PageContext, ReasonBadges } from "./review-evidence";
import { fieldsOf, initialValues } from "./schema-form-fields";
import { ToolCallForm, type ToolCallFormHandle, useToolCallState } from "./tool-call-form";

// One object for a tool missing from the catalog, so its compiled validator is cached like the others'.
const NO_TOOL: CatalogTool = {
  name: "unknown",
  description: "",
  input_schema: { type: "object", properties: {}, required: [] },
};

export interface ReviewItemPanelHandle {
  accept: () => void;
  edit: () => void;
  startReject: () => void;
}

export type Decision =
  | { decision: "accept"; arguments: Record<string, unknown> }
  | { decision: "reject"; reason: string };

/**
 * One review item: the proposed call as an editable form, the reasons, and the evidence (page text around the
 * action, and the explorer focused on its source events). Mount it with `key={item.id}`: its form state is
 * the item's.
 */
export const ReviewItemPanel = forwardRef<
  ReviewItemPanelHandle,
  {
    item: ReviewItemResource;
    tool: CatalogTool | undefined;
    isDeciding: boolean;
    canDecide?: boolean;
    error?: string;
    onDecide: (decision: Decision) => void;
  }
>(function ReviewItemPanel({ item, tool, isDeciding, canDecide = true, error, onDecide }, ref) {
  const zone = item.evidence.timezone;
  const [values, setValues] = useState(() =>
    tool ? initialValues(fieldsOf(tool.input_schema), item.tool.arguments, zone) : {},
  );
  const [isRejecting, setIsRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string>();
  const formRef = useRef<ToolCallFormHandle>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const isPending = item.status === "pending";
  const state = useToolCallState(tool ?? NO_TOOL, values, zone);

  const accept = () => {
    if (!isPending || isDeciding) return;
    if (state.errors.size > 0) {
      setNotice(
        `Fix ${state.errors.size} ${state.errors.size === 1 ? "field" : "fields"} before accepting: ${[...state.errors.keys()].join(", ")}`,
      );
      formRef.current?.focusFirst();
      return;
    }
    setNotice(undefined);
    onDecide({ decision: "accept", arguments: state.args });
  };
  const startReject = () => {
    if (!isPending) return;
    setIsRejecting(true);
    requestAnimationFrame(() => reasonRef.current?.focus());
  };
  useImperativeHandle(ref, () => ({ accept, edit: () => formRef.current?.focusFirst(), startReject }));

  return (
    <article aria-label={`Review item: ${item.action}`} className="flex flex-col gap-5">
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-lg font-semibold">
            {item.action} <span className="font-mono text-sm text-muted-foreground">→ {item.tool.name}</span>
          </h2>
          <ReasonBadges reasons={item.reasons} />
        </div>
        <p className="text-xs text-muted-foreground">
          <Link className="text-link underline" href={`/sessions/${item.session_id}`}>
            Session {item.session_id.slice(0, 8)}
          </Link>{" "}
          · action {item.action_id} · {item.tool.server}
          {item.decision
            ? ` · ${item.status} ${new Date(item.decision.decided_at).toLocaleString()}${item.decision.reason ? ` — “${item.decision.reason}”` : ""}`
            : ""}
        </p>
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-label="Tool call" className="flex flex-col gap-3">
          <h3 className="font-medium">Tool call</h3>
          {tool ? (
            <ToolCallForm
              ref={formRef}
              tool={tool}
              values={values}
              timeZone={zone}
              isReadOnly={!isPending}
              onChange={setValues}
              onSubmit={accept}
            />
          ) : (
            <p className="text-sm text-danger">The tool {item.tool.name} is no longer in the catalog.</p>
          )}
          {notice || error ? (
            <p role="alert" className="text-sm text-danger">
              {error ?? notice}
            </p>
          ) : null}
          {isPending && !canDecide ? (
            <p className="text-sm text-muted-foreground">
              Your role in this workspace is viewer: members decide.
            </p>
          ) : null}
          {isPending && canDecide ? (
            <div className="flex flex-wrap items-center gap-2">
              <Button type="button" onClick={accept} disabled={isDeciding}>
                Accept <kbd className="ml-1 text-xs opacity-70">a</kbd>
              </Button>
              {isRejecting ? (
                <form
                  className="flex items-center gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (reason.trim()) onDecide({ decision: "reject", reason: reason.trim() });
                  }}
                >
                  <label className="sr-only" htmlFor={`reason-${item.id}`}>
                    Reason for rejecting
                  </label>
                  <input
                    ref={reasonRef}
                    id={`reason-${item.id}`}
                    className="h-9 w-64 rounded-md border border-input bg-card px-2 text-sm"
                    placeholder="Why is this not the action?"
                    value={reason}
                    required
                    onChange={(e) => setReason(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === "Escape") {
                        setIsRejecting(false);
                        (e.target as HTMLElement).blur();
                      }
                    }}
                  />
                  <Button type="submit" variant="outline" disabled={isDeciding || !reason.trim()}>
                    Reject
                  </Button>
                </form>
              ) : (
                <Button type="button" variant="outline" onClick={startReject} disabled={isDeciding}>
                  Reject <kbd className="ml-1 text-xs opacity-70">r</kbd>
                </Button>
              )}
            </div>
          ) : null}
        </section>
        <PageContext item={item} />
      </div>

      <section aria-label="Recording around the action" className="flex flex-col gap-2">
        <h3 className="font-medium">Recording</h3>
        <SessionExplorerLoader
          sessionId={item.session_id}
          stages={[]}
          focus={{ lane: "actions", id: item.action_id }}
          keyboard={false}
        />
      </section>
    </article>
  );
});
