import { ImportBundleForm } from "@/components/upload/import-bundle-form";
import { UploadForm } from "@/components/upload/upload-form";
import { requireSessionMember } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/policy";

export const metadata = { title: "Upload a recording" };
export const dynamic = "force-dynamic";

export default async function UploadPage() {
  const member = await requireSessionMember("/upload");
  if (!can(member.role, "upload")) {
    return (
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Upload a recording</h1>
        <p role="alert" className="text-sm text-muted-foreground">
          Your role in this workspace is {member.role}: viewers can browse sessions and examples but not
          upload. Ask an admin for the member role.
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Upload a recording</h1>
        <p className="text-sm text-muted-foreground">
          Files go straight to storage; the pipeline starts when every file is in.
        </p>
      </div>
      <UploadForm />
      <section aria-labelledby="import-heading" className="flex max-w-xl flex-col gap-3 border-t pt-6">
        <h2 id="import-heading" className="text-lg font-semibold">
          Import a session bundle
        </h2>
        <p className="text-sm text-muted-foreground">
          A bundle exported from a session page: the recording, its processed layers, examples and review
          decisions, checked file by file against its manifest.
        </p>
        <ImportBundleForm />
      </section>
    </div>
  );
}
