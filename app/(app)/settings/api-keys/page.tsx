import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireSessionMember } from "@/lib/auth/session";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  const member = await requireSessionMember("/settings/api-keys");
  const keys = await listApiKeys(member.workspaceId);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
          <p className="text-sm text-muted-foreground">
            Send <code>Authorization: Bearer tp_live_…</code> or <code>X-API-Key</code> with every API
            request.
          </p>
        </div>
        <CreateApiKeyDialog action={createApiKeyAction} />
      </div>
      <ApiKeysTable keys={keys} revokeAction={revokeApiKeyAction} />
    </div>
  );
}
