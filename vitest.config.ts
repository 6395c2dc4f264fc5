import { Socket } from "node:net";
import { defineConfig } from "vitest/config";

const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/** The PostgreSQL half of the suite runs when CI names a server or the local one answers. */
function localPostgresAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(5432, "127.0.0.1", () => done(true));
  });
}

const postgresUrl = process.env.TEST_DATABASE_URL || ((await localPostgresAnswers()) ? LOCAL_POSTGRES : undefined);

const databaseTests = ["tests/**/*.test.ts"];
const notDatabaseTests = ["tests/e2e/**", "tests/reliability/**"];

export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine (vitest's default there is one): the database tests spend much
    // of their time waiting on PostgreSQL. The browser and multi-process files still run one at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { test: { name: "unit", include: ["packages/**/*.test.ts", "apps/**/*.test.ts"] } },
      {
        test: {
          name: "pglite",
          include: databaseTests,
          exclude: notDatabaseTests,
          env: { TEST_DRIVER: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: "postgres",
                include: databaseTests,
                exclude: notDatabaseTests,
                env: { TEST_DRIVER: "postgres", TEST_DATABASE_URL: postgresUrl },
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
            {
              test: {
                name: "reliability",
                include: ["tests/reliability/**/*.test.ts"],
                env: { TEST_DRIVER: "postgres", TEST_DATABASE_URL: postgresUrl },
                fileParallelism: false,
                testTimeout: 120_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
