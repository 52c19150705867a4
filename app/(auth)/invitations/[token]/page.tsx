import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationButton } from "@/components/workspaces/accept-invitation-button";
import { getSessionUser } from "@/lib/auth/session";
import { previewInvitation } from "@/lib/workspaces/invitations";
import { acceptInvitationAction } from "./actions";

export const metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

const closed = {
  used: "This invitation link was already used. Ask for a new one.",
  expired: "This invitation link has expired. Ask for a new one.",
  unknown: "This invitation link is not valid (it may have been revoked). Ask for a new one.",
};

/** An invitation link: shows the workspace and role, then signs the invitee up or in and joins on accept. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await previewInvitation(token.slice(0, 200));
  if (invitation.state !== "open") {
    return (
      <AuthCard title="Invitation">
        <p role="alert" className="text-sm">
          {closed[invitation.state]}
        </p>
      </AuthCard>
    );
  }
  const returnTo = `/invitations/${encodeURIComponent(token)}`;
  const user = await getSessionUser();
  return (
    <AuthCard title={`Join ${invitation.workspaceName}`}>
      <p className="text-sm">
        You are invited to the workspace <strong>{invitation.workspaceName}</strong> as{" "}
        <strong>{invitation.role}</strong> (sent to {invitation.email}).
      </p>
      {user ? (
        <>
          <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p>
          <AcceptInvitationButton token={token} action={acceptInvitationAction} />
        </>
      ) : (
        <p className="text-sm">
          <Link className="underline" href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>
            Sign in to accept
          </Link>{" "}
          or{" "}
          <Link className="underline" href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`}>
            create an account
          </Link>
          .
        </p>
      )}
    </AuthCard>
  );
}
