import { ROLES, type Role } from "@survey/contract";
import { waves } from "@survey/db";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import app from "../apps/api/src/app";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

interface AdminRoute {
  method: string;
  url: string;
  roles: readonly Role[];
}

/**
 * Every route the application registers under /api/admin, collected with an onRoute hook on a second
 * instance of the same app plugin — so routes added later are covered without touching this file.
 */
async function collectAdminRoutes(t: TestApp): Promise<AdminRoute[]> {
  const routes: AdminRoute[] = [];
  const collector: FastifyInstance = Fastify({ logger: false });
  collector.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // HEAD routes are Fastify's automatic twins of GET routes, with the same hooks.
      if (method === "HEAD" || !route.url.startsWith("/api/admin")) continue;
      routes.push({ method, url: route.url, roles: route.config?.roles ?? ["admin"] });
    }
  });
  await collector.register(app, { config: { ...t.config, seedDemo: false }, database: t.database.handle });
  await collector.ready();
  await collector.close();
  return routes;
}

describe(`every /api/admin route needs a session and an allowed role (${testDriver})`, () => {
  let t: TestApp;
  let routes: AdminRoute[];
  const users = new Map<Role, SignedInUser>();
  let pathValues: Record<string, string>;

  const urlFor = (route: AdminRoute) =>
    route.url.replace(/:(\w+)/g, (_, name: string) => pathValues[name] ?? "1").replace(/\*$/, "x");
  const call = (route: AdminRoute, headers: Record<string, string> = {}) =>
    t.app.inject({ method: route.method as "GET", url: urlFor(route), headers });

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    routes = await collectAdminRoutes(t);
    const [wave] = await t.database.handle.db.select().from(waves);
    const id = String(wave?.id ?? 1);
    pathValues = { waveId: id, id, townCode: "310117001", communityCode: "310117001001", userId: "1" };
    for (const role of ROLES) users.set(role, await signIn(t.app, role));
  });
  afterAll(() => t.close());

  it("finds the console's own routes among them", () => {
    const keys = routes.map((route) => `${route.method} ${route.url}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "GET /api/admin/users",
        "POST /api/admin/users",
        "PATCH /api/admin/users/:userId",
        "GET /api/admin/audit",
        "GET /api/admin/waves/:waveId/fieldwork",
        "GET /api/admin/waves/:waveId/fieldwork/events",
        "GET /api/admin/waves/:waveId/fieldwork.xlsx",
        "GET /api/admin/waves/:waveId/towns/:townCode/posters",
      ]),
    );
  });

  it("answers 401 unauthenticated without a session, on every route", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const response = await call(route);
      if (response.statusCode !== 401 || response.json().error !== "unauthenticated")
        failures.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers 403 forbidden to every role the route does not list (admin only when it lists none)", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const role of ROLES.filter((candidate) => !route.roles.includes(candidate))) {
        const response = await call(route, users.get(role)?.headers);
        checked += 1;
        if (response.statusCode !== 403 || response.json().error !== "forbidden")
          failures.push(`${route.method} ${route.url} as ${role} → ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it("lets every listed role past the access check", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      // The live stream never ends by itself; its access is the summary's, checked above and in fieldwork.test.ts.
      if (route.url.endsWith("/events")) continue;
      for (const role of route.roles) {
        const response = await call(route, users.get(role)?.headers);
        if (response.statusCode === 401 || (response.statusCode === 403 && response.json().error === "forbidden"))
          failures.push(`${route.method} ${route.url} as ${role} → ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe(`the authorize hook's defaults (${testDriver})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("keeps a route without config.roles for admins only", async () => {
    // A scope built like routes/admin/index.ts, with one route that names no roles.
    const probe = Fastify({ logger: false });
    await probe.register(app, { config: { ...t.config, seedDemo: false }, database: t.database.handle });
    await probe.register(async (scope) => {
      scope.addHook("onRequest", (request) => scope.authorize(request));
      scope.get("/api/admin/probe", async () => ({ ok: true }));
    });
    await probe.ready();
    try {
      const office = await signIn(probe, "office");
      const admin = await signIn(probe, "admin");
      expect((await probe.inject({ url: "/api/admin/probe" })).statusCode).toBe(401);
      expect((await probe.inject({ url: "/api/admin/probe", headers: office.headers })).statusCode).toBe(403);
      expect((await probe.inject({ url: "/api/admin/probe", headers: admin.headers })).json()).toEqual({ ok: true });
    } finally {
      await probe.close();
    }
  });
});
