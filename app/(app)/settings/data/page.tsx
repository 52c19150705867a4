import type { Metadata } from "next";
import { DataPolicyForm } from "@/components/settings/data-policy-form";
import { requireSessionMember } from "@/lib/auth/session";
import { getDataPolicy } from "@/lib/data-policy/get-data-policy";
import { updateDataPolicyAction } from "./actions";

export const metadata: Metadata = { title: "Data" };
export const dynamic = "force-dynamic";

export default async function DataSettingsPage() {
  const member = await requireSessionMember("/settings/data");
  const policy = await getDataPolicy(member.workspaceId);
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
    </div>
  );
}
