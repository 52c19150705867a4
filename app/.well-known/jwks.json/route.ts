import { publicRoute } from "@/lib/api/handler";
import { getReceiptJwks } from "@/lib/deletion/receipt-signing-key";

export const dynamic = "force-dynamic";

// The public keys that verify deletion receipts: anyone holding a receipt checks it here, from any origin.
export const GET = publicRoute(async () =>
  Response.json(await getReceiptJwks(), {
    headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=300" },
  }),
);
