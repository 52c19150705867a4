import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, roleAtMost } from "./policy";

describe("policy", () => {
  it("gives each role what the product promises", () => {
    const allowed = Object.fromEntries(ROLES.map((role) => [role, PERMISSIONS.filter((p) => can(role, p))]));
    expect(allowed).toEqual({
      viewer: ["read"],
      member: ["read", "upload", "create_example", "review", "delete_data"],
      admin: [
        "read",
        "upload",
        "create_example",
        "review",
        "delete_data",
        "manage_keys",
        "manage_members",
        "manage_workspace",
      ],
      owner: PERMISSIONS,
    });
  });

  it("orders roles: no one grants more than they hold", () => {
    expect(roleAtMost("member", "admin")).toBe(true);
    expect(roleAtMost("owner", "admin")).toBe(false);
    expect(roleAtMost("viewer", "viewer")).toBe(true);
  });
});
