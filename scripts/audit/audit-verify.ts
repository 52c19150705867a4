import { closeDb, getDb } from "@/db/client";
import { verifyAuditChains } from "./verify-audit-chains";

// `npm run audit:verify`: checks every audit chain of the database in DATABASE_URL (or the embedded database in
// the data folder; stop the server first, PGlite opens in one process only). Exit 1 on a break.
async function main(): Promise<number> {
  const report = await verifyAuditChains(await getDb());
  await closeDb();
  console.log(`audit:verify: ${report.entriesChecked} entries checked in ${report.chains} chains`);
  if (!report.broken) {
    console.log("audit:verify: every chain is intact");
    return 0;
  }
  const { id, seq, reason, workspaceId } = report.broken;
  console.error(
    `audit:verify: BROKEN at entry ${id} (seq ${seq} of workspace ${workspaceId ?? "<none>"}): ${reason}`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
