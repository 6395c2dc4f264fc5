import type DysmsapiClient from "@alicloud/dysmsapi20170525";
import type { VendorSmsConfig } from "../config";
import type { Log } from "../logging";
import type { SmsMessage, SmsProvider } from "./sms-provider";
import { logRefusal, refusalError, type VendorRefusalRules, vendorCa } from "./vendor-refusal";

/** Error codes of Aliyun's SendSms (https://help.aliyun.com/document_detail/101346.html) that mean something to a resident. */
const ALIYUN_RULES: VendorRefusalRules = {
  invalidPhone: ["isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT"],
  // isv.BUSINESS_LIMIT_CONTROL is the per-number flow control (by default 1 a minute, 5 an hour, 10 a day);
  // its message says which window, read in aliyunCode below.
  resendAfterSeconds: { "isv.BUSINESS_LIMIT_CONTROL": 60, "isv.BUSINESS_LIMIT_CONTROL.hour": 3600 },
  dailyLimit: ["isv.DAY_LIMIT_CONTROL", "isv.BUSINESS_LIMIT_CONTROL.day"],
};

type DysmsapiModule = typeof import("@alicloud/dysmsapi20170525");
type OpenApiCoreModule = typeof import("@alicloud/openapi-core");

/**
 * The SDK takes about a second to load: it is imported only when this provider is configured. It is CommonJS
 * with `exports.default`, which Node's ESM import hands over as the whole module object, vitest as the class.
 */
async function loadSdk() {
  const [sms, core] = await Promise.all([import("@alicloud/dysmsapi20170525"), import("@alicloud/openapi-core")]);
  const exported = (typeof sms.default === "function" ? sms : sms.default) as DysmsapiModule;
  const util = core.$OpenApiUtil ?? (core.default as unknown as OpenApiCoreModule).$OpenApiUtil;
  return { Client: exported.default, SendSmsRequest: exported.SendSmsRequest, Config: util.Config };
}

function aliyunCode(code: string | undefined, message: string | undefined): string | undefined {
  if (code !== "isv.BUSINESS_LIMIT_CONTROL") return code;
  if (/天级|day/i.test(message ?? "")) return `${code}.day`;
  if (/小时级|hour/i.test(message ?? "")) return `${code}.hour`;
  return code;
}

/** Aliyun SMS (阿里云短信服务) through its official SDK: SendSms with the sign name and a template taking `${code}`. */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = "aliyun" as const;

  private constructor(
    private readonly config: VendorSmsConfig,
    private readonly log: Log,
    private readonly sdk: Awaited<ReturnType<typeof loadSdk>>,
    private readonly client: DysmsapiClient,
  ) {}

  static async create(config: VendorSmsConfig, log: Log): Promise<AliyunSmsProvider> {
    const sdk = await loadSdk();
    const client = new sdk.Client(
      new sdk.Config({
        accessKeyId: config.accessKeyId,
        accessKeySecret: config.accessKeySecret,
        endpoint: config.endpoint,
        ca: vendorCa(config),
        connectTimeout: config.timeoutMs,
        readTimeout: config.timeoutMs,
      }),
    );
    return new AliyunSmsProvider(config, log, sdk, client);
  }

  async send(message: SmsMessage): Promise<void> {
    const request = new this.sdk.SendSmsRequest({
      phoneNumbers: message.phone,
      signName: this.config.signName,
      templateCode: this.config.templateId,
      templateParam: JSON.stringify({ code: message.code }),
    });
    let body: { code?: string; message?: string; requestId?: string } | undefined;
    try {
      body = (await this.client.sendSms(request)).body;
    } catch (error) {
      // The SDK throws for HTTP 4xx/5xx (keys, signature, throttling) with the vendor's code, and for the network.
      const failure = error as { code?: string; statusCode?: number; requestId?: string; message?: string };
      const vendorCode = failure.statusCode ? aliyunCode(failure.code, failure.message) : undefined;
      const refused = refusalError(ALIYUN_RULES, vendorCode);
      logRefusal(this.log, this.name, refused, {
        vendorCode: failure.statusCode ? failure.code : "network",
        status: failure.statusCode,
        requestId: failure.requestId,
      });
      throw refused;
    }
    if (body?.code === "OK") return;
    const refused = refusalError(ALIYUN_RULES, aliyunCode(body?.code, body?.message) ?? "missing");
    logRefusal(this.log, this.name, refused, { vendorCode: body?.code, requestId: body?.requestId });
    throw refused;
  }
}
