import type { Metadata } from "next";
import Link from "next/link";
import { DeleteWorkspaceForm } from "@/components/deletion/delete-workspace-form";
import { DataPolicyForm } from "@/components/settings/data-policy-form";
import { getDb } from "@/db/client";
import { findMembership } from "@/db/queries/workspaces";
import { requireSessionMember } from "@/lib/auth/session";
import { getDataPolicy } from "@/lib/data-policy/get-data-policy";
import { can } from "@/lib/workspaces/policy";
import { deleteWorkspaceAction, updateDataPolicyAction } from "./actions";

export const metadata: Metadata = { title: "Data" };
export const dynamic = "force-dynamic";

export default async function DataSettingsPage() {
  const member = await requireSessionMember("/settings/data");
  const policy = await getDataPolicy(member.workspaceId);
  const workspace = await findMembership(await getDb(), member);
  return (
    <div className="flex max-w-xl flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Data</h1>
        <p className="text-sm text-muted-foreground">
          What is removed from recordings before anything is stored, and how long recordings and their layers
          are kept. Changes apply to sessions processed from now on; retention is enforced every hour.
        </p>
      </div>
      <DataPolicyForm policy={policy} action={updateDataPolicyAction} />
      {workspace && can(member.role, "delete_workspace") ? (
        <section
          aria-labelledby="danger-zone"
          className="flex flex-col gap-3 rounded-md border border-red-600/40 p-4"
        >
          <h2 id="danger-zone" className="text-lg font-semibold">
            Delete workspace
          </h2>
          {workspace.personal ? (
            <p className="text-sm text-muted-foreground">
              Your personal workspace is deleted only with your account:{" "}
              <Link className="underline" href="/settings/security">
                Security → Delete account
              </Link>
              .
            </p>
          ) : (
            <>
              <p className="text-sm text-muted-foreground">
                Deletes {workspace.name} for everyone: every recording, example, review item, API key, usage
                record and the audit log, and cancels its subscription. It cannot be undone. You get a signed
                receipt of what was removed.
              </p>
              <DeleteWorkspaceForm name={workspace.name} action={deleteWorkspaceAction} />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
