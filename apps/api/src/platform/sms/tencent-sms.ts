import { Agent } from "node:https";
import type { VendorSmsConfig } from "../config";
import type { Log } from "../logging";
import type { SmsMessage, SmsProvider } from "./sms-provider";
import { logRefusal, refusalError, type VendorRefusalRules, vendorCa } from "./vendor-refusal";

/** Error codes of Tencent Cloud's SendSms (https://cloud.tencent.com/document/api/382/55981) that mean something to a resident. */
const TENCENT_RULES: VendorRefusalRules = {
  invalidPhone: [
    "InvalidParameterValue.IncorrectPhoneNumber",
    "FailedOperation.PhoneNumberInBlacklist",
    "UnsupportedOperation.UnsupportedRegion",
  ],
  resendAfterSeconds: {
    "LimitExceeded.PhoneNumberThirtySecondLimit": 30,
    "LimitExceeded.PhoneNumberOneHourLimit": 3600,
  },
  dailyLimit: ["LimitExceeded.PhoneNumberDailyLimit", "LimitExceeded.PhoneNumberSameContentDailyLimit"],
};

type TencentSmsModule = typeof import("tencentcloud-sdk-nodejs-sms");
type SmsClient = InstanceType<TencentSmsModule["sms"]["v20210111"]["Client"]>;

/** Imported only when this provider is configured (CommonJS: the exports may come as `default`). */
async function loadClientClass() {
  const loaded = await import("tencentcloud-sdk-nodejs-sms");
  return (loaded.sms ?? (loaded.default as TencentSmsModule).sms).v20210111.Client;
}

/** Tencent Cloud SMS (腾讯云短信) through its official SDK: SendSms with the SdkAppId, sign name and a one-parameter template. */
export class TencentSmsProvider implements SmsProvider {
  readonly name = "tencent" as const;
  private constructor(
    private readonly config: VendorSmsConfig & { appId: string; region: string },
    private readonly log: Log,
    private readonly client: SmsClient,
  ) {}

  static async create(config: VendorSmsConfig & { appId: string; region: string }, log: Log) {
    const Client = await loadClientClass();
    const ca = vendorCa(config);
    const client = new Client({
      credential: { secretId: config.accessKeyId, secretKey: config.accessKeySecret },
      region: config.region,
      profile: {
        httpProfile: {
          endpoint: config.endpoint,
          reqTimeout: Math.ceil(config.timeoutMs / 1000),
          ...(ca ? { agent: new Agent({ ca, keepAlive: true }) } : {}),
        },
      },
    });
    return new TencentSmsProvider(config, log, client);
  }

  async send(message: SmsMessage): Promise<void> {
    let status: { Code?: string } | undefined;
    let requestId: string | undefined;
    try {
      const reply = await this.client.SendSms({
        SmsSdkAppId: this.config.appId,
        SignName: this.config.signName,
        TemplateId: this.config.templateId,
        TemplateParamSet: [message.code],
        PhoneNumberSet: [`+86${message.phone}`],
      });
      status = reply.SendStatusSet?.[0];
      requestId = reply.RequestId;
    } catch (error) {
      // A refused request (keys, signature, parameters) comes back as Response.Error: the SDK throws it with its
      // code and request id; a network failure has neither.
      const failure = error as { code?: string; requestId?: string };
      const refused = refusalError(TENCENT_RULES, failure.requestId ? failure.code : undefined);
      logRefusal(this.log, this.name, refused, {
        vendorCode: failure.requestId ? failure.code : "network",
        requestId: failure.requestId,
      });
      throw refused;
    }
    if (status?.Code === "Ok") return;
    // A request the vendor took but a number it did not send to: the code is per number, in SendStatusSet.
    const refused = refusalError(TENCENT_RULES, status?.Code ?? "missing");
    logRefusal(this.log, this.name, refused, { vendorCode: status?.Code, requestId });
    throw refused;
  }
}
