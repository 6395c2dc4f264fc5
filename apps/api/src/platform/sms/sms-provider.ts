import type { Executor } from "@survey/db";

/** One SMS to send. `phone` is the plain number the gateway needs; it must never be stored or logged. */
export interface SmsMessage {
  phone: string;
  phoneHash: string;
  text: string;
  code: string;
}

/** SMS providers behind one interface: dev-outbox (development, tests), http (a gateway), aliyun and tencent (the vendors' SDKs). */
export interface SmsProvider {
  readonly name: "dev-outbox" | "http" | "aliyun" | "tencent";
  /**
   * Throws SmsUnavailableError when the message could not be handed over. `db` is the caller's open
   * transaction: a provider that writes must use it (PGlite has one connection, held by that transaction).
   */
  send(message: SmsMessage, db: Executor): Promise<void>;
}
