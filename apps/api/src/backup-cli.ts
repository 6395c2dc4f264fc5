// `npm run backup -- [--dir <folder>] [--keep-days <n>]`: a backup of the configured database (default ./backups).
// `npm run restore -- <file> [--replace]`: restores one into the configured database (empty unless --replace).
// Both read the server's configuration (DATABASE_URL, or DATA_DIR for PGlite). Schedule: README "Backups".
import { pathToFileURL } from "node:url";
import { BackupError, backupDatabase, restoreDatabase } from "./platform/backup";
import { ConfigError, loadConfig } from "./platform/config";

const USAGE = "usage: npm run backup -- [--dir <folder>] [--keep-days <n>] | npm run restore -- <file> [--replace]";

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const config = loadConfig();
  if (command === "backup") {
    const keep = option(rest, "--keep-days");
    if (keep !== undefined && !/^\d+$/.test(keep)) {
      console.error(USAGE);
      return 2;
    }
    const path = await backupDatabase(config, {
      dir: option(rest, "--dir") ?? "./backups",
      keepDays: keep === undefined ? undefined : Number(keep),
    });
    console.log(`backup written: ${path}`);
    return 0;
  }
  const file = rest.find((arg) => !arg.startsWith("--"));
  if (command !== "restore" || !file) {
    console.error(USAGE);
    return 2;
  }
  await restoreDatabase(config, file, { replace: rest.includes("--replace") });
  console.log(`restored ${file}; migrations applied`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      const known =
        error instanceof ConfigError || error instanceof BackupError || error?.name === "DataDirLockedError";
      console.error(known ? error.message : error);
      process.exit(1);
    },
  );
}
