import fp from "fastify-plugin";
import { reservationSweeper } from "../reservation-sweeper";

/** Runs the reservation sweeper every `config.sweepIntervalMs` (0 = never) while the server is up. */
export default fp(
  async (app) => {
    const interval = app.config.sweepIntervalMs;
    if (interval <= 0) return;
    const sweeper = reservationSweeper({ db: app.database.db, now: app.now, log: app.log }, interval);
    app.addHook("onReady", async () => sweeper.start());
    app.addHook("onClose", () => sweeper.stop());
  },
  { name: "reservation-sweeper", dependencies: ["database", "clock"] },
);
