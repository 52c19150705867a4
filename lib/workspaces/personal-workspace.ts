import type { Actor } from "@/lib/auth/principal";

/**
 * A user acting in their personal workspace, whose id is the user's own (migration 0012): what code that only
 * knows a user id (the CLI's Entra sign-in, jobs of data created before workspaces, tests) passes as the actor.
 */
export const personalActor = (userId: string): Actor => ({ userId, workspaceId: userId });
