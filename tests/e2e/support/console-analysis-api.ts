import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Download, Page } from "playwright-core";
import { expect } from "vitest";
import type { SignedInUser } from "../../support/test-app";

/** A GET or POST through the real API as the given user, expecting 200; the parsed JSON. */
export async function apiJson<T>(app: FastifyInstance, user: SignedInUser, url: string, payload?: unknown): Promise<T> {
  const response = await app.inject({
    method: payload === undefined ? "GET" : "POST",
    url,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.json() as T;
}

/** Opens a console page and waits for its heading and for every loading indicator to go away. */
export async function openPage(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(`/console/${path}`);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await waitUntilLoaded(page);
}

export async function waitUntilLoaded(page: Page): Promise<void> {
  await page.locator(".loading").first().waitFor({ state: "detached", timeout: 30_000 });
}

/** Clicks a download link and returns the file's bytes and suggested name. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file]: [Download, unknown] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Scores as the console prints them (one decimal). */
export const score = (value: number) => value.toFixed(1);
