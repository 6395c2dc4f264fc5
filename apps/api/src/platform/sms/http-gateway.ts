import { SmsUnavailableError } from "../errors";
import type { SmsMessage, SmsProvider } from "./sms-provider";

/** POSTs `{phone, text}` as JSON with a bearer token to the configured SMS gateway. */
export class HttpSmsProvider implements SmsProvider {
  readonly name = "http" as const;
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = 5000,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ phone: message.phone, text: message.text }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new SmsUnavailableError();
    }
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new SmsUnavailableError({ gatewayStatus: response.status });
  }
}
