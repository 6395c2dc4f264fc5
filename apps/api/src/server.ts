import closeWithGrace from "close-with-grace";
import { createServer } from "./create-server";
import { ConfigError, loadConfig } from "./platform/config";

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const server = await createServer({ config });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) server.log.error({ err }, "shutting down after an error");
    else server.log.info({ signal }, "shutting down");
    await server.close();
  });
  await server.listen({ port: config.port, host: config.host });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
