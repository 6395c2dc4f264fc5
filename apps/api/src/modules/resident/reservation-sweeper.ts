import type { Deps } from "../../platform/deps";
import type { Log } from "../../platform/logging";
import { releaseExpiredReservations } from "./data/quota";
import { reshuffleRespondentKeys } from "./data/respondent-keys";
import { pruneSpentVerificationRecords } from "./data/retention";

/** Spent verification records are pruned at most this often (each prune scans three small tables). */
const PRUNE_EVERY_MS = 60 * 60_000;

export interface ReservationSweeper {
  start(): void;
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
}

/**
 * Gives the slots of expired reservations back every `intervalMs`. Claims also release lazily, so the sweep
 * only keeps the published fill figures honest between claims. It also rewrites the respondents' hashes of
 * waves that gained respondents in bucket order (data/respondent-keys.ts). Once an hour it also deletes verification
 * records nothing reads any more (data/retention.ts). A failing sweep (database restarting) is logged and
 * tried again at the next tick; it never stops the server.
 */
export function reservationSweeper(
  deps: Pick<Deps, "db" | "now"> & { log: Log },
  intervalMs: number,
): ReservationSweeper {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let prunedAt: number | undefined;

  const sweep = async () => {
    try {
      const now = deps.now();
      const released = await releaseExpiredReservations(deps.db, { now });
      if (released > 0) deps.log.info({ released }, "released expired reservations");
      else deps.log.debug("reservation sweep: nothing expired");
      await reshuffleRespondentKeys(deps.db);
      if (prunedAt === undefined || now.getTime() - prunedAt >= PRUNE_EVERY_MS) {
        const pruned = await pruneSpentVerificationRecords(deps.db, now);
        prunedAt = now.getTime();
        deps.log.info(pruned, "pruned spent verification records");
      }
    } catch (error) {
      deps.log.error({ err: error }, "reservation sweep failed; retrying at the next interval");
    }
  };

  const tick = () => {
    // A slow sweep is not overlapped by the next one.
    if (running) return;
    running = sweep().finally(() => {
      running = undefined;
    });
  };

  return {
    start() {
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
