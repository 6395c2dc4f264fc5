import type { Database } from "@survey/db";
import type { Config } from "./config";
import type { SmsProvider } from "./sms/sms-provider";

/** The current time: the server's clock, or a test's. Read where the work happens, as often as it needs. */
export type Clock = () => Date;

/**
 * What services may need of the running app, handed to them by their routes (never the app or the request):
 * the database, the clock, the configuration and the SMS provider. A service names the ones it uses.
 */
export interface Deps {
  db: Database;
  now: Clock;
  config: Config;
  sms: SmsProvider;
}
