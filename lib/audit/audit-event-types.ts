/**
 * Every audit event type: sign-up, sign-in (success and failure), sign-out, sign-out everywhere, password change,
 * API key create / revoke / first use, workspace creation and settings, invitations, member and role changes,
 * review decisions, session and example deletion, session bundle export and import, data-policy changes, billing card
 * changes (Stripe webhooks) and audit-log exports.
 */
export const AUDIT_EVENT_TYPES = [
  "user.sign_up",
  "user.sign_in",
  "user.sign_in_failed",
  "user.sign_out",
  "user.signed_out_everywhere",
  "user.password_changed",
  "api_key.created",
  "api_key.revoked",
  "api_key.first_used",
  "workspace.created",
  "workspace.updated",
  "workspace.invitation_created",
  "workspace.invitation_revoked",
  "workspace.invitation_accepted",
  "workspace.member_role_changed",
  "workspace.member_removed",
  "workspace.member_left",
  "audit_log.exported",
  "session.deleted",
  "session.exported",
  "session.imported",
  "example.deleted",
  "data_policy.updated",
  "review_item.accepted",
  "review_item.rejected",
  "billing.card_added",
  "billing.card_removed",
  "billing.customer_deleted",
  "billing.budget_updated",
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const AUDIT_ACTOR_TYPES = ["user", "api_key", "system", "anonymous"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];
