import fp from "fastify-plugin";
import { releaseExpiredReservations } from "../data/quota";
import { pruneSpentVerificationRecords } from "../data/retention";

/** Spent verification records are pruned at most this often (each prune scans three small tables). */
const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * Gives the slots of expired reservations back every `config.sweepIntervalMs` (0 = never). Claims also
 * release lazily, so the sweep only keeps the published fill figures honest between claims. Once an hour it
 * also deletes verification records nothing reads any more (data/retention.ts). A failing sweep (database
 * restarting) is logged and tried again at the next tick; it never stops the server.
 */
export default fp(
  async (app) => {
    const interval = app.config.sweepIntervalMs;
    if (interval <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let prunedAt: number | undefined;

    const sweep = async () => {
      try {
        const now = app.now();
        const released = await releaseExpiredReservations(app.database.db, { now });
        if (released > 0) app.log.info({ released }, "released expired reservations");
        else app.log.debug("reservation sweep: nothing expired");
        if (prunedAt === undefined || now.getTime() - prunedAt >= PRUNE_EVERY_MS) {
          const pruned = await pruneSpentVerificationRecords(app.database.db, now);
          prunedAt = now.getTime();
          app.log.info(pruned, "pruned spent verification records");
        }
      } catch (error) {
        app.log.error({ err: error }, "reservation sweep failed; retrying at the next interval");
      }
    };

    const tick = () => {
      // A slow sweep is not overlapped by the next one.
      if (running) return;
      running = sweep().finally(() => {
        running = undefined;
      });
    };

    app.addHook("onReady", async () => {
      timer = setInterval(tick, interval);
      timer.unref();
    });
    app.addHook("onClose", async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: "reservation-sweeper", dependencies: ["database", "clock"] },
);
