interface OutboxMessage {
  text: string;
  code: string;
  createdAt: string;
}

/**
 * The newest SMS code sent to `phone` after `since`, read from the dev outbox
 * (`GET /api/dev/sms-outbox`, development and tests only). Polls briefly: sending is asynchronous.
 */
export async function smsCode(baseUrl: string, phone: string, since = new Date(0)): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/dev/sms-outbox?phone=${encodeURIComponent(phone)}`);
    if (response.ok) {
      const messages = (await response.json()) as OutboxMessage[];
      const newest = messages[0];
      if (newest && new Date(newest.createdAt).getTime() >= since.getTime() - 1000) return newest.code;
    }
    if (Date.now() > deadline) throw new Error(`no SMS code for ${phone} in the dev outbox`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
