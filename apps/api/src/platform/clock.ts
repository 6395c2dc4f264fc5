import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** The current time; tests inject their own to move through expiry windows. */
    now: () => Date;
  }
}

export default fp<{ now?: () => Date }>(
  async (app, options) => {
    app.decorate("now", options.now ?? (() => new Date()));
  },
  { name: "clock" },
);
