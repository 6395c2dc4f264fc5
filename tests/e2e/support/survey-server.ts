import type { AddressInfo } from "node:net";
import { createTestApp, type TestApp } from "../../support/test-app";
import { ensureSurveyBuilt } from "./survey-build";

export interface SurveyServer extends TestApp {
  baseUrl: string;
  /**
   * Moves the server's clock forward (it otherwise runs with real time), e.g. past a phone's 60-s resend
   * interval, so a test does not sit out real minutes.
   */
  skipAhead(ms: number): void;
}

/**
 * The real API (PGlite, Songjiang demo frame, dev SMS outbox) on a random port, serving the built
 * resident app — what a phone talks to, minus the network.
 */
export async function startSurveyServer(env: Record<string, string> = {}): Promise<SurveyServer> {
  ensureSurveyBuilt();
  let offsetMs = 0;
  const testApp = await createTestApp({
    seedDemo: true,
    now: () => new Date(Date.now() + offsetMs),
    // One address (127.0.0.1) plays every resident here; the per-address limit is tested elsewhere.
    env: { VERIFY_RATE_LIMIT_PER_MINUTE: "10000", ...env },
  });
  await testApp.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = testApp.app.server.address() as AddressInfo;
  return {
    ...testApp,
    baseUrl: `http://127.0.0.1:${port}`,
    skipAhead: (ms) => {
      offsetMs += ms;
    },
  };
}
