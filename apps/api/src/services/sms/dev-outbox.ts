import { type Database, devSmsOutbox, type Executor } from "@survey/db";
import { desc, eq } from "drizzle-orm";
import type { SmsMessage, SmsProvider } from "./sms-provider";

/** Keeps messages in the database, keyed by the phone's hash, for `GET /api/dev/sms-outbox`. */
export class DevOutboxProvider implements SmsProvider {
  readonly name = "dev-outbox" as const;
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async send(message: SmsMessage, db: Executor): Promise<void> {
    await db
      .insert(devSmsOutbox)
      .values({ phoneHash: message.phoneHash, text: message.text, code: message.code, createdAt: this.now() });
  }

  async list(phoneHash: string) {
    const rows = await this.db
      .select({ text: devSmsOutbox.text, code: devSmsOutbox.code, createdAt: devSmsOutbox.createdAt })
      .from(devSmsOutbox)
      .where(eq(devSmsOutbox.phoneHash, phoneHash))
      .orderBy(desc(devSmsOutbox.id))
      .limit(20);
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }
}
