import { redirect } from "next/navigation";
import { linksFor, SETTINGS_LINKS } from "@/components/app-shell/app-shell";
import { requireSessionMember } from "@/lib/auth/session";

/** "Settings" opens the first settings page the role may use. */
export default async function SettingsPage() {
  const member = await requireSessionMember("/settings");
  redirect(linksFor(SETTINGS_LINKS, member.role)[0]?.href ?? "/settings/security");
}
