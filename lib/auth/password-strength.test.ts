import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertStrongPassword, findPasswordWeakness } from "./password-strength";

const ctx = { email: "ana.lopez@example.com", displayName: "Ana Lopez" };

describe("password strength", () => {
  // The first check builds zxcvbn's dictionaries (a few MB), which can take seconds on a busy machine.
  beforeAll(() => {
    findPasswordWeakness("warm up the dictionaries", ctx);
  }, 60_000);

  it.each([
    "password1234",
    "            ",
    "ana.lopez@example.com",
    "my ana.lopez@example.com pw",
    "ANA.LOPEZ 2024 secure!",
    "qwertyuiop123",
    "aaaaaaaaaaaa",
    "abcdefghijkl",
    "Password123!",
    "iloveyou2026",
  ])("refuses %j", (password) => {
    expect(findPasswordWeakness(password, ctx)).toMatch(/./);
  });

  it.each(["a long enough password 1", "correct horse battery staple", "vX9#qL2!mR7$wZ4p"])(
    "accepts %j",
    (password) => {
      expect(findPasswordWeakness(password, ctx)).toBeUndefined();
    },
  );

  it("says why: the email rule by name, zxcvbn's feedback otherwise", () => {
    expect(findPasswordWeakness("xx ana.lopez@example.com xx", ctx)).toContain("email address");
    expect(findPasswordWeakness("password1234", ctx)).toMatch(/too easy to guess\. .+/);
  });

  it("the error is a 422 naming the password field", () => {
    try {
      assertStrongPassword("password1234", ctx);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 422, extensions: { errors: [{ field: "password" }] } });
    }
  });
});
