import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessions from "@/app/v1/sessions/route";
import * as invitations from "@/app/v1/workspace/invitations/route";
import * as leave from "@/app/v1/workspace/leave/route";
import * as memberById from "@/app/v1/workspace/members/[userId]/route";
import * as members from "@/app/v1/workspace/members/route";
import * as workspace from "@/app/v1/workspace/route";
import { getDb } from "@/db/client";
import { insertMember, insertWorkspace } from "@/db/queries/workspaces";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestUser } from "@/db/test-factories";
import type { WorkspaceRole } from "@/schemas/workspaces";
import { callRoute, type RouteHandler } from "@/test/helpers/call-route";
import { resolveMembership } from "./current-workspace";
import { acceptInvitation, previewInvitation, revokeInvitation } from "./invitations";

const meta = { ip: null, userAgent: null };
let dataDir: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

/** A team workspace with an owner and the given members, each with a full-scope key of it. */
async function team(roles: WorkspaceRole[]) {
  const db = await getDb();
  const owner = await createTestUser();
  const { id } = await insertWorkspace(db, { name: "Team", ownerId: owner.id });
  const people = [{ user: owner, role: "owner" as WorkspaceRole }];
  for (const role of roles) {
    const user = await createTestUser();
    await insertMember(db, { workspaceId: id, userId: user.id, role });
    people.push({ user, role });
  }
  const withKeys = await Promise.all(
    people.map(async (p) => {
      const key = await createTestApiKey(p.user.id, "full", id);
      return { ...p, headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" } };
    }),
  );
  return { id, people: withKeys };
}

const send = (
  handler: RouteHandler,
  headers: Record<string, string>,
  init: { method?: string; body?: unknown; params?: Record<string, string> } = {},
) =>
  callRoute(handler, {
    method: init.method ?? "GET",
    path: "/v1/workspace",
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.params ? { params: init.params } : {}),
  });

describe("workspaces", () => {
  it("answers the key's workspace with the caller's role, and lists its members", async () => {
    const { id, people } = await team(["viewer"]);
    const viewer = people[1];
    const response = await send(workspace.GET as RouteHandler, viewer?.headers ?? {});
    expect(await response.json()).toMatchObject({ id, name: "Team", personal: false, role: "viewer" });
    const list = (await (await send(members.GET as RouteHandler, viewer?.headers ?? {})).json()) as {
      data: { role: string }[];
    };
    expect(list.data.map((m) => m.role)).toEqual(["owner", "viewer"]);
  });

  it("validates settings: an unknown setting is 422, a rename is kept", async () => {
    const { people } = await team([]);
    const owner = people[0]?.headers ?? {};
    expect(
      (
        await send(workspace.PATCH as RouteHandler, owner, {
          method: "PATCH",
          body: { settings: { nope: 1 } },
        })
      ).status,
    ).toBe(422);
    const renamed = await send(workspace.PATCH as RouteHandler, owner, {
      method: "PATCH",
      body: { name: "Acme" },
    });
    expect(await renamed.json()).toMatchObject({ name: "Acme", role: "owner" });
  });

  it("keeps at least one owner: no demotion or leaving of the last one; admins cannot make or touch owners", async () => {
    const { people } = await team(["admin", "member"]);
    const [owner, admin, member] = people;
    if (!owner || !admin || !member) throw new Error("team");
    const patch = (as: typeof owner, userId: string, role: WorkspaceRole) =>
      send(memberById.PATCH as RouteHandler, as.headers, {
        method: "PATCH",
        body: { role },
        params: { userId },
      });
    expect((await patch(owner, owner.user.id, "admin")).status).toBe(409);
    expect((await send(leave.POST as RouteHandler, owner.headers, { method: "POST" })).status).toBe(409);
    expect((await patch(admin, member.user.id, "owner")).status).toBe(403);
    expect((await patch(admin, owner.user.id, "viewer")).status).toBe(403);
    expect(
      (
        await send(memberById.DELETE as RouteHandler, admin.headers, {
          method: "DELETE",
          params: { userId: owner.user.id },
        })
      ).status,
    ).toBe(403);
    // With a second owner the first may step down.
    expect((await patch(owner, member.user.id, "owner")).status).toBe(200);
    expect((await patch(owner, owner.user.id, "viewer")).status).toBe(200);
  });

  it("a key acts with its creator's current role: demoted, it cannot upload; removed, it stops working", async () => {
    const { people } = await team(["member"]);
    const [owner, member] = people;
    if (!owner || !member) throw new Error("team");
    const upload = () =>
      send(sessions.POST as RouteHandler, member.headers, { method: "POST", body: { suite_id: "github" } });
    expect((await upload()).status).toBe(201);
    await send(memberById.PATCH as RouteHandler, owner.headers, {
      method: "PATCH",
      body: { role: "viewer" },
      params: { userId: member.user.id },
    });
    const refused = await upload();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ role: "viewer", permission: "upload" });
    await send(memberById.DELETE as RouteHandler, owner.headers, {
      method: "DELETE",
      params: { userId: member.user.id },
    });
    expect((await send(workspace.GET as RouteHandler, member.headers)).status).toBe(401);
  });

  it("an invitation link works once, for a role no higher than the inviter's, and not after revocation", async () => {
    const { id, people } = await team(["admin"]);
    const admin = people[1];
    if (!admin) throw new Error("team");
    const create = (role: WorkspaceRole) =>
      send(invitations.POST as RouteHandler, admin.headers, {
        method: "POST",
        body: { email: "new@example.test", role },
      });
    expect((await create("owner")).status).toBe(403);
    const created = (await (await create("member")).json()) as { id: string; url: string; emailed: boolean };
    expect(created.emailed).toBe(false);
    const token = created.url.split("/invitations/")[1] ?? "";
    expect(await previewInvitation(token)).toMatchObject({
      state: "open",
      role: "member",
      workspaceName: "Team",
    });

    const invitee = await createTestUser();
    expect(await acceptInvitation(invitee.id, token, meta)).toEqual({ workspaceId: id });
    expect(await resolveMembership(invitee.id, id)).toEqual({ workspaceId: id, role: "member" });
    await expect(acceptInvitation((await createTestUser()).id, token, meta)).rejects.toMatchObject({
      status: 409,
    });
    expect(await previewInvitation(token)).toEqual({ state: "used" });

    const second = (await (await create("viewer")).json()) as { id: string; url: string };
    await revokeInvitation({ userId: admin.user.id, workspaceId: id, role: "admin" }, second.id, meta);
    expect(await previewInvitation(second.url.split("/invitations/")[1] ?? "")).toEqual({ state: "unknown" });
    // Expired: the same link a week and a minute later.
    const third = (await (await create("viewer")).json()) as { url: string };
    const later = new Date(Date.now() + 7 * 24 * 3600_000 + 60_000);
    expect(await previewInvitation(third.url.split("/invitations/")[1] ?? "", later)).toEqual({
      state: "expired",
    });
    await expect(
      acceptInvitation(invitee.id, third.url.split("/invitations/")[1] ?? "", meta, later),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it("a browser's chosen workspace counts only while the user is a member", async () => {
    const stranger = await createTestUser();
    const { id } = await team([]);
    expect(await resolveMembership(stranger.id, id)).toEqual({ workspaceId: stranger.id, role: "owner" });
  });
});
