// `npm run admin -- <command>`: account recovery from the server's own machine, on the configured database.
//   unlock <name>                          forget the name's failed sign-ins: it may sign in at once
//   reset-password <name> [--password-stdin]  set a generated password (printed once) or one read from stdin
import { pathToFileURL } from "node:url";
import type { DatabaseHandle } from "@survey/db";
import { resetPassword, unlockAccount } from "./modules/accounts";
import { type Config, ConfigError, loadConfig } from "./platform/config";
import { openConfiguredDatabase } from "./platform/database";
import { AppError } from "./platform/errors";

export interface AdminCliIo {
  config: Config;
  /** An open database (tests); otherwise the configured one is opened and closed. */
  database?: DatabaseHandle;
  readStdin: () => Promise<string>;
  print: (line: string) => void;
  now: () => Date;
}

const USAGE = "usage: npm run admin -- unlock <name> | reset-password <name> [--password-stdin]";

/** Runs one command; returns the process exit code (0 done, 1 refused, 2 usage). */
export async function runAdminCli(args: string[], io: AdminCliIo): Promise<number> {
  const [command, username, ...flags] = args;
  if (!username || (command !== "unlock" && command !== "reset-password")) {
    io.print(USAGE);
    return 2;
  }
  const unknownFlags = flags.filter((flag) => command === "unlock" || flag !== "--password-stdin");
  if (unknownFlags.length > 0) {
    io.print(USAGE);
    return 2;
  }
  const database = io.database ?? (await openConfiguredDatabase(io.config));
  try {
    if (command === "unlock") {
      await unlockAccount(database.db, io.config.piiSecret, username, io.now());
      io.print(`${username}: failed sign-ins forgotten, the account may sign in now.`);
      return 0;
    }
    const password = flags.includes("--password-stdin") ? firstLine(await io.readStdin()) : undefined;
    const reset = await resetPassword(database.db, io.config.piiSecret, { username, password }, io.now());
    io.print(`${username}: password reset, sessions ended.`);
    if (reset.generated) io.print(`new password (shown once): ${reset.password}`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.print(`${username}: ${error.message}`);
    return 1;
  } finally {
    if (!io.database) await database.close();
  }
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  }
  runAdminCli(process.argv.slice(2), {
    config,
    readStdin: () => readAll(process.stdin),
    print: (line) => console.log(line),
    now: () => new Date(),
  }).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
