import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Role, SESSION_COOKIE } from "@survey/contract";
import { users } from "@survey/db";
import type { FastifyInstance } from "fastify";
import { createServer } from "../../apps/api/src/create-server";
import { hashPassword } from "../../apps/api/src/modules/accounts/auth-service";
import { type Config, loadConfig } from "../../apps/api/src/platform/config";
import { currentWaveId, firstCommunity } from "./resident";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const TEST_PII_SECRET = "test-pii-secret-0123456789abcdef0123456789";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** A settable clock for tests that walk through expiry windows. */
export class TestClock {
  constructor(private current = new Date("2026-11-20T02:00:00Z")) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date) {
    this.current = new Date(date);
  }
}

/** Limits per address, per community and overall set far above what test files do from one address. */
export const GENEROUS_RESIDENT_LIMITS = {
  HELD_RESERVATIONS_PER_ADDRESS: "1000000",
  COMMUNITY_CLAIMS_PER_MINUTE: "1000000",
  SMS_BUDGET_PER_MINUTE: "1000000",
  // The proof-of-work challenge is asked for in tests/verification-challenge.test.ts only.
  CHALLENGE_STARTS_PER_ADDRESS: "1000000",
  CHALLENGE_STARTS_PER_MINUTE: "1000000",
};

export async function createTestApp(
  options: {
    seedDemo?: boolean;
    now?: () => Date;
    env?: Record<string, string>;
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    PII_SECRET: TEST_PII_SECRET,
    SEED_DEMO: options.seedDemo ? "true" : "false",
    LOG_LEVEL: options.logStream ? "info" : "silent",
    DATA_DIR: mkdtempSync(join(tmpdir(), "survey-test-")),
    RESERVATION_SWEEP_MS: "0",
    // Test files sign in far more often than a person does; tests/rate-limit.test.ts sets its own limit.
    LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
    // Every injected request comes from 127.0.0.1: the squatting limits are set low only in
    // tests/quota-squatting.test.ts.
    ...GENEROUS_RESIDENT_LIMITS,
    ...options.env,
  });
  const app = await createServer({ config, database: database.handle, now: options.now, logStream: options.logStream });
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

export interface SignedInUser {
  userId: number;
  username: string;
  password: string;
  /** `survey_session=<value>`, ready for a `cookie` header. */
  cookie: string;
  csrfToken: string;
  /** `{ cookie, "x-csrf-token" }`: spread into `app.inject({ headers })` for any /api/admin call. */
  headers: { cookie: string; "x-csrf-token": string };
}

let signInCounter = 0;

/**
 * Creates a user of `role` directly in the database and signs in through `POST /api/auth/login`, so
 * tests can call /api/admin routes: `app.inject({ ..., headers: (await signIn(app, "admin")).headers })`.
 */
export async function signIn(
  app: FastifyInstance,
  role: Role,
  options: { townCodes?: string[]; domains?: string[]; username?: string; password?: string } = {},
): Promise<SignedInUser> {
  signInCounter += 1;
  const username = options.username ?? `test-${role}-${signInCounter}-${randomBytes(3).toString("hex")}`;
  const password = options.password ?? `pw-${randomBytes(9).toString("base64url")}`;
  const [user] = await app.database.db
    .insert(users)
    .values({
      username,
      displayName: `测试${role}`,
      passwordHash: await hashPassword(password),
      role,
      townCodes: options.townCodes ?? [],
      domains: options.domains ?? [],
    })
    .returning({ id: users.id });
  if (!user) throw new Error("could not create the test user");
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  if (!session) throw new Error("sign-in set no session cookie");
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const cookie = `${SESSION_COOKIE}=${session.value}`;
  return { userId: user.id, username, password, cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

/** A test app on the demo frame and its open wave, with the wave's id and a community of its first town. */
export async function openDemoWave(options: Omit<Parameters<typeof createTestApp>[0] & object, "seedDemo">) {
  const t = await createTestApp({ ...options, seedDemo: true });
  const waveId = await currentWaveId(t.app);
  return { t, waveId, communityCode: await firstCommunity(t.app, waveId) };
}
