import { SESSION_COOKIE } from "@survey/contract";
import { users } from "@survey/db";
import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const ROUNDS = 25;

/** What each admin does to the other: demote, disable, or both at once. */
const CHANGES = [{ role: "office" }, { disabled: true }, { role: "staff", disabled: true }] as const;

describe(`the last active admin under concurrent changes (${testDriver})`, () => {
  let t: TestApp;
  let pair: SignedInUser[];
  beforeAll(async () => {
    t = await createTestApp();
    pair = [await signIn(t.app, "admin"), await signIn(t.app, "admin")];
  });
  afterAll(() => t.close());

  const db = () => t.database.handle.db;
  const activeAdmins = () =>
    db()
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.disabled, false)));

  /** A new session for a user whose session a disable ended. */
  const signInAgain = async (user: SignedInUser): Promise<SignedInUser> => {
    const me = await t.app.inject({ url: "/api/auth/me", headers: { cookie: user.cookie } });
    if (me.statusCode === 200) return user;
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: user.password },
    });
    expect(response.statusCode).toBe(200);
    const value = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
    const cookie = `${SESSION_COOKIE}=${value}`;
    const csrfToken: string = response.json().csrfToken;
    return { ...user, cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
  };

  /** The two accounts of `pair` are the only active admins again, each with a live session. */
  const onlyThePairIsAdmin = async (): Promise<[SignedInUser, SignedInUser]> => {
    const ids = pair.map((user) => user.userId);
    await db()
      .update(users)
      .set({ disabled: true })
      .where(and(eq(users.role, "admin"), ne(users.id, ids[0] ?? 0)));
    await db().update(users).set({ role: "admin", disabled: false }).where(inArray(users.id, ids));
    pair = [await signInAgain(pair[0] as SignedInUser), await signInAgain(pair[1] as SignedInUser)];
    expect(await activeAdmins()).toHaveLength(2);
    return pair as [SignedInUser, SignedInUser];
  };

  const patch = (actor: SignedInUser, target: SignedInUser, payload: Record<string, unknown>) =>
    t.app.inject({ method: "PATCH", url: `/api/admin/users/${target.userId}`, payload, headers: actor.headers });

  it(`two admins demoting or disabling each other at the same moment leave one (${ROUNDS} rounds)`, async () => {
    let refusedAsLast = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const [first, second] = await onlyThePairIsAdmin();
      const responses = await Promise.all([
        patch(first, second, CHANGES[round % CHANGES.length] ?? {}),
        patch(second, first, CHANGES[(round + 1) % CHANGES.length] ?? {}),
      ]);
      const answers = responses.map((response) => `${response.statusCode} ${response.json().error ?? ""}`.trim());
      // One change goes through. The other meets the last-admin check, or — when it arrived after the
      // first had already taken its sender's role or session — is refused before reaching it.
      expect(
        answers.filter((answer) => answer === "200"),
        `round ${round}: ${answers}`,
      ).toHaveLength(1);
      const refused = answers.find((answer) => answer !== "200");
      expect(["409 last_admin", "403 forbidden", "401 unauthenticated"], `round ${round}`).toContain(refused);
      if (refused === "409 last_admin") refusedAsLast += 1;
      expect(await activeAdmins(), `round ${round}`).toHaveLength(1);
    }
    // Most rounds are a true race: both requests got past sign-in checks and met at the last-admin check.
    expect(refusedAsLast).toBeGreaterThan(ROUNDS / 2);
  });

  it(`four changes at once, each aimed at an admin: one admin always remains (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [first, second] = await onlyThePairIsAdmin();
      // Each demotes or disables the other and itself in the same breath.
      const responses = await Promise.all([
        patch(first, second, { role: "office" }),
        patch(second, first, { disabled: true }),
        patch(first, first, { disabled: true }),
        patch(second, second, { role: "department" }),
      ]);
      const statuses = responses.map((response) => response.statusCode);
      // The first to commit takes one admin away; later ones that would take the other are refused
      // (last_admin, or not signed in / not allowed any more once a change ended their session or
      // took their role). A change to someone already demoted is no longer a loss and may pass.
      expect(statuses, `round ${round}`).toContain(200);
      expect(statuses, `round ${round}`).toContain(409);
      for (const response of responses.filter((candidate) => candidate.statusCode !== 200)) {
        expect([401, 403, 409]).toContain(response.statusCode);
        if (response.statusCode === 409) expect(response.json().error).toBe("last_admin");
      }
      expect(await activeAdmins(), `round ${round}: ${statuses}`).toHaveLength(1);
    }
  });
});
