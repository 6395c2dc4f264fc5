import { type Database, type Executor, namedStatement, param } from "@survey/db";
import { sql } from "drizzle-orm";
import type { SmsMessage, SmsProvider } from "./sms-provider";

const insertMessage = namedStatement<never, { phoneHash: string; text: string; code: string; createdAt: string }>(
  "dev_outbox_insert",
  sql`insert into dev_sms_outbox (phone_hash, text, code, created_at)
      values (${param("phoneHash")}::text, ${param("text")}::text, ${param("code")}::text,
        ${param("createdAt")}::timestamptz)`,
);

const listMessages = namedStatement<{ text: string; code: string; created_at: Date | string }, { phoneHash: string }>(
  "dev_outbox_list",
  sql`select text, code, created_at from dev_sms_outbox where phone_hash = ${param("phoneHash")}::text
      order by id desc limit 20`,
);

/** Keeps messages in the database, keyed by the phone's hash, for `GET /api/dev/sms-outbox`. */
export class DevOutboxProvider implements SmsProvider {
  readonly name = "dev-outbox" as const;
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async send(message: SmsMessage, db: Executor): Promise<void> {
    await insertMessage(db, {
      phoneHash: message.phoneHash,
      text: message.text,
      code: message.code,
      createdAt: this.now().toISOString(),
    });
  }

  async list(phoneHash: string) {
    const rows = await listMessages(this.db, { phoneHash });
    return rows.map((row) => ({ text: row.text, code: row.code, createdAt: new Date(row.created_at).toISOString() }));
  }
}
