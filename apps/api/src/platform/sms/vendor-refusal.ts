import { readFileSync } from "node:fs";
import type { VendorSmsConfig } from "../config";
import {
  type AppError,
  InvalidPhoneError,
  ResendTooSoonError,
  SmsDailyLimitError,
  SmsUnavailableError,
} from "../errors";
import type { Log } from "../logging";

/**
 * What a vendor's refusal means for the resident: a number the vendor will not text, the vendor's own per-number
 * limits (which can be stricter than ours), or anything else — balance, sign name, template, keys, throttling,
 * network — which the resident cannot fix: 503 `sms_unavailable`, and the operator reads the vendor's code in the log.
 */
export interface VendorRefusalRules {
  invalidPhone: readonly string[];
  /** Vendor code → seconds until the number may be texted again. */
  resendAfterSeconds: Readonly<Record<string, number>>;
  dailyLimit: readonly string[];
}

export function refusalError(rules: VendorRefusalRules, vendorCode: string | undefined): AppError {
  if (vendorCode === undefined) return new SmsUnavailableError();
  if (rules.invalidPhone.includes(vendorCode)) return new InvalidPhoneError();
  if (rules.dailyLimit.includes(vendorCode)) return new SmsDailyLimitError();
  const retryAfterSeconds = rules.resendAfterSeconds[vendorCode];
  if (retryAfterSeconds !== undefined) return new ResendTooSoonError({ retryAfterSeconds });
  return new SmsUnavailableError();
}

/** Logs a refusal by its vendor code and request id (never the phone), at error level when the operator must act. */
export function logRefusal(
  log: Log,
  provider: string,
  refused: AppError,
  details: { vendorCode?: string; requestId?: string; status?: number },
) {
  const entry = { smsProvider: provider, ...details, error: refused.code };
  if (refused.code === "sms_unavailable") log.error(entry, "the SMS vendor refused or could not be reached");
  else log.info(entry, "the SMS vendor refused the number");
}

/** The extra certificate authorities of SMS_CA_FILE, read once at start. */
export function vendorCa(config: VendorSmsConfig): string | undefined {
  return config.caFile ? readFileSync(config.caFile, "utf8") : undefined;
}
