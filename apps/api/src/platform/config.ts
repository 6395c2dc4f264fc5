import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";

/** Everything the server reads from its environment, parsed once. Nothing else reads process.env. */
export interface Config {
  nodeEnv: "development" | "production" | "test";
  port: number;
  /** Listening address: 127.0.0.1 unless production or HOST says otherwise (the dev outbox serves SMS codes). */
  host: string;
  /** Mark the session cookie Secure on every response (default in production), not only over https. */
  cookieSecure: boolean;
  /** PostgreSQL connection string; absent → embedded PGlite in dataDir. */
  databaseUrl?: string;
  /** PostgreSQL pool: connections per process, wait for a connection (ms), unanswered statement limit (ms). */
  databasePool: { size: number; connectTimeoutMs: number; queryTimeoutMs: number };
  dataDir: string;
  /** Passed to Fastify's trustProxy: true/false, a hop count or a list of addresses. */
  trustProxy: boolean | number | string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** `pretty` (one readable line per entry, development) or `json` (one JSON object per line, production). */
  logFormat: "pretty" | "json";
  /** Key for the HMAC of ID numbers and phones. */
  piiSecret: string;
  redisUrl?: string;
  /** Requests per minute per client address on the verification routes. */
  verificationRateLimit: number;
  /** Sign-in attempts per minute per client address: the per-name lockout does not stop one address trying many names. */
  loginRateLimit: number;
  /** Limits that bound quota squatting and SMS spending, whoever asks (SPEC §6). */
  residentLimits: {
    /** Reservations one client address may hold at once (counted by a keyed hash of the address). */
    heldPerAddress: number;
    /** New reservations one community may hand out per minute. */
    communityClaimsPerMinute: number;
    /** Codes the whole service sends per minute. */
    smsPerMinute: number;
  };
  sms: SmsConfig;
  /** Bearer token for `GET /metrics` (Prometheus); without it only a signed-in administrator may scrape. */
  metricsToken?: string;
  /**
   * When start asks for a proof-of-work challenge: an address that started `perAddress` verifications in the
   * last 10 minutes, or a service that started `servicePerMinute` in the last minute. `difficulty` is the
   * highest counter the solver may have to reach (SHA-256 steps; about 1–3 s on a phone at 20,000).
   */
  challenge: { perAddress: number; servicePerMinute: number; difficulty: number };
  /** ID numbers starting with this prefix count as registered (户籍) residents. */
  localIdPrefix: string;
  /** Public address of the resident app, used in QR posters. */
  publicSurveyUrl: string;
  /** Load the Songjiang demo frame and wave into an empty database. */
  seedDemo: boolean;
  adminUsername: string;
  adminPassword?: string;
  /** How often expired reservations are swept, in ms (0 = never). */
  sweepIntervalMs: number;
  /** Bounds on every uploaded spreadsheet, checked before and while it is read (off the event loop). */
  uploads: UploadLimits;
}

/** A vendor's SMS account: keys, the approved sign name and the verification-code template. */
export interface VendorSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateId: string;
  /** The vendor's API host (default its public endpoint), e.g. a regional or private-network one. */
  endpoint: string;
  /** PEM file of extra certificate authorities to trust for the endpoint (a TLS-inspecting proxy's), if any. */
  caFile?: string;
  timeoutMs: number;
}

export type SmsConfig =
  | { provider: "dev-outbox" }
  | { provider: "http"; url: string; token: string }
  | ({ provider: "aliyun" } & VendorSmsConfig)
  | ({ provider: "tencent"; appId: string; region: string } & VendorSmsConfig);

export interface UploadLimits {
  /** Bytes of the uploaded file as sent (compressed, for an .xlsx). */
  maxBytes: number;
  /** Unpacked bytes of any one entry of an .xlsx (a sheet's XML). */
  maxEntryBytes: number;
  /** Unpacked bytes of all entries of an .xlsx together. */
  maxTotalBytes: number;
  /** Unpacked ÷ packed size of an entry larger than 1 MB unpacked: a zip bomb packs far tighter than real sheets. */
  maxRatio: number;
  maxRows: number;
  maxCells: number;
  /** Time to read one upload (in a worker thread, terminated when it runs over). */
  parseTimeoutMs: number;
  /** Heap of the worker thread that reads one upload. */
  workerMemoryMb: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join("\n  ")}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === "" ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (["1", "true", "yes", "on"].includes(raw)) return true;
    if (["0", "false", "no", "off"].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(", ")} (got "${raw}")`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error("protocol");
      return raw;
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(" or ")} URL (got "${raw}")`);
      return undefined;
    }
  }
}

/**
 * Which proxies' X-Forwarded-For is believed: a hop count (the address that many hops from the right, as the
 * nearest proxies saw it) or the proxies' addresses. `true` believes the left-most entry, which any client
 * writes itself — a rotating header would walk past every per-address limit — so production refuses it.
 */
function parseTrustProxy(reader: Reader, production: boolean): boolean | number | string {
  const raw = reader.string("TRUST_PROXY");
  if (raw === undefined) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^(true|false)$/i.test(raw)) {
    const trustAll = raw.toLowerCase() === "true";
    if (trustAll && production) {
      reader.problems.push(
        "TRUST_PROXY=true is refused when NODE_ENV=production (any client could choose its address); " +
          "set the hop count, e.g. TRUST_PROXY=1 behind one nginx, or the proxies' addresses",
      );
    }
    return trustAll;
  }
  if (/^[0-9a-fA-F.:/, ]+$/.test(raw)) return raw;
  reader.problems.push(`TRUST_PROXY must be true, false, a hop count or a list of addresses (got "${raw}")`);
  return false;
}

const SMS_PROVIDERS = ["dev-outbox", "http", "aliyun", "tencent"] as const;
const VENDOR_ENDPOINTS = { aliyun: "dysmsapi.aliyuncs.com", tencent: "sms.tencentcloudapi.com" };

/** Which SMS provider sends the codes, with everything it needs; a missing or malformed setting stops start. */
function parseSms(reader: Reader, production: boolean): SmsConfig {
  const provider = reader.oneOf("SMS_PROVIDER", SMS_PROVIDERS, "dev-outbox");
  const required = (name: string, pattern: RegExp, shape: string): string => {
    const value = reader.string(name);
    if (value === undefined) reader.problems.push(`${name} is required when SMS_PROVIDER=${provider}`);
    else if (!pattern.test(value)) reader.problems.push(`${name} must be ${shape} (got "${value}")`);
    return value ?? "";
  };
  if (provider === "dev-outbox") {
    if (production) {
      reader.problems.push(
        "SMS_PROVIDER=dev-outbox is refused when NODE_ENV=production; set SMS_PROVIDER=aliyun, tencent or http",
      );
    }
    return { provider };
  }
  if (provider === "http") {
    const url = reader.url("SMS_HTTP_URL", ["http:", "https:"]);
    const token = reader.string("SMS_HTTP_TOKEN");
    if (!url) reader.problems.push("SMS_HTTP_URL is required when SMS_PROVIDER=http");
    if (!token) reader.problems.push("SMS_HTTP_TOKEN is required when SMS_PROVIDER=http");
    return { provider, url: url ?? "", token: token ?? "" };
  }
  const caFile = reader.string("SMS_CA_FILE");
  if (caFile !== undefined && !existsSync(caFile)) reader.problems.push(`SMS_CA_FILE: no such file "${caFile}"`);
  const endpoint = reader.string("SMS_ENDPOINT") ?? VENDOR_ENDPOINTS[provider];
  if (!/^[a-zA-Z0-9.-]+(:\d{1,5})?$/.test(endpoint)) {
    reader.problems.push(`SMS_ENDPOINT must be a host name, optionally with :port, no scheme (got "${endpoint}")`);
  }
  const vendor: VendorSmsConfig = {
    accessKeyId: required("SMS_ACCESS_KEY_ID", /^[\w-]{8,128}$/, "the AccessKey ID / SecretId"),
    accessKeySecret: required("SMS_ACCESS_KEY_SECRET", /^\S{8,256}$/, "the AccessKey secret / SecretKey"),
    signName: required("SMS_SIGN_NAME", /^.{2,20}$/u, "the approved sign name (签名), 2–20 characters"),
    templateId:
      provider === "aliyun"
        ? required("SMS_TEMPLATE_ID", /^SMS_\d+$/, "Aliyun's template code, like SMS_123456789")
        : required("SMS_TEMPLATE_ID", /^\d+$/, "Tencent Cloud's numeric template ID"),
    endpoint,
    caFile,
    timeoutMs: reader.integer("SMS_TIMEOUT_MS", 5000, 500, 60_000),
  };
  if (provider === "aliyun") return { provider, ...vendor };
  return {
    provider,
    appId: required("SMS_APP_ID", /^\d{10}$/, "the SmsSdkAppId, 10 digits like 1400006666"),
    region: reader.string("SMS_REGION") ?? "ap-guangzhou",
    ...vendor,
  };
}

/** Whether `path` is `dir` or lies inside it. */
function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * The key of the ID and phone hashes: PII_SECRET, or the file PII_SECRET_FILE names (a mounted secret,
 * /etc/…, a systemd credential). Production requires one of them and refuses a key in or from DATA_DIR: a copy
 * of the data directory (a backup, a stolen disk) must not carry the key that reverses its hashes (SPEC §6).
 * Undefined outside production when neither is set: the embedded key is generated in DATA_DIR then.
 */
function readPiiSecret(reader: Reader, dataDir: string, production: boolean): string | undefined {
  const inline = reader.string("PII_SECRET");
  const file = reader.string("PII_SECRET_FILE");
  let secret = inline;
  if (inline !== undefined && file !== undefined) reader.problems.push("PII_SECRET and PII_SECRET_FILE: set only one");
  if (file !== undefined) {
    const path = resolve(file);
    if (production && isInside(path, dataDir)) {
      reader.problems.push(`PII_SECRET_FILE must lie outside DATA_DIR in production (got "${path}")`);
    } else if (!existsSync(path)) {
      reader.problems.push(`PII_SECRET_FILE names no file (got "${path}")`);
    } else {
      secret = readFileSync(path, "utf8").trim();
    }
  }
  if (secret !== undefined && secret.length < 32) {
    reader.problems.push(`${file !== undefined ? "PII_SECRET_FILE" : "PII_SECRET"} must hold at least 32 characters`);
  }
  if (production && secret === undefined && file === undefined) {
    reader.problems.push("PII_SECRET or PII_SECRET_FILE (outside DATA_DIR) is required when NODE_ENV=production");
  }
  if (production && existsSync(join(dataDir, "pii-secret"))) {
    reader.problems.push(
      `PII_SECRET: the key generated in ${join(dataDir, "pii-secret")} is refused in production — move it ` +
        "outside DATA_DIR and name it in PII_SECRET_FILE (the stored hashes need the same key)",
    );
  }
  return secret;
}

/** In embedded mode the PII secret is generated once and kept beside the data. */
function embeddedPiiSecret(dataDir: string): string {
  const path = join(dataDir, "pii-secret");
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(path, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const reader = new Reader(env);
  const nodeEnv = reader.oneOf("NODE_ENV", ["development", "production", "test"] as const, "development");
  const production = nodeEnv === "production";
  const port = reader.integer("PORT", 3000, 0, 65535);
  const host = reader.string("HOST") ?? (production ? "0.0.0.0" : "127.0.0.1");
  const cookieSecure = reader.boolean("COOKIE_SECURE", production);
  const databaseUrl = reader.url("DATABASE_URL", ["postgres:", "postgresql:"]);
  const databasePool = {
    size: reader.integer("DATABASE_POOL_SIZE", 10, 1, 1000),
    connectTimeoutMs: reader.integer("DATABASE_CONNECT_TIMEOUT_MS", 10_000, 100, 600_000),
    queryTimeoutMs: reader.integer("DATABASE_QUERY_TIMEOUT_MS", 30_000, 0, 3_600_000),
  };
  const dataDir = resolve(reader.string("DATA_DIR") ?? "./data");
  const trustProxy = parseTrustProxy(reader, production);
  const logLevel = reader.oneOf("LOG_LEVEL", LOG_LEVELS, "info");
  const logFormat = reader.oneOf(
    "LOG_FORMAT",
    ["pretty", "json"] as const,
    nodeEnv === "development" ? "pretty" : "json",
  );
  const redisUrl = reader.url("REDIS_URL", ["redis:", "rediss:"]);
  const verificationRateLimit = reader.integer("VERIFY_RATE_LIMIT_PER_MINUTE", 20, 1, 100_000);
  const loginRateLimit = reader.integer("LOGIN_RATE_LIMIT_PER_MINUTE", 30, 1, 100_000);
  const residentLimits = {
    heldPerAddress: reader.integer("HELD_RESERVATIONS_PER_ADDRESS", 5, 1, 1_000_000),
    communityClaimsPerMinute: reader.integer("COMMUNITY_CLAIMS_PER_MINUTE", 10, 1, 1_000_000),
    smsPerMinute: reader.integer("SMS_BUDGET_PER_MINUTE", 300, 1, 1_000_000),
  };
  const challenge = {
    perAddress: reader.integer("CHALLENGE_STARTS_PER_ADDRESS", 8, 1, 1_000_000),
    servicePerMinute: reader.integer("CHALLENGE_STARTS_PER_MINUTE", 100, 1, 1_000_000),
    difficulty: reader.integer("CHALLENGE_DIFFICULTY", 20_000, 100, 10_000_000),
  };
  const localIdPrefix = reader.string("LOCAL_ID_PREFIX") ?? "31";
  if (!/^\d{2,6}$/.test(localIdPrefix))
    reader.problems.push(`LOCAL_ID_PREFIX must be 2–6 digits (got "${localIdPrefix}")`);
  const publicSurveyUrl = reader.url("PUBLIC_SURVEY_URL", ["http:", "https:"]) ?? `http://localhost:${port}/`;
  const seedDemo = reader.boolean("SEED_DEMO", !production);
  const adminUsername = reader.string("ADMIN_USERNAME") ?? "admin";
  const adminPassword = reader.string("ADMIN_PASSWORD");
  if (adminPassword !== undefined && adminPassword.length < 10) {
    reader.problems.push("ADMIN_PASSWORD must have at least 10 characters");
  }
  const sweepIntervalMs = reader.integer("RESERVATION_SWEEP_MS", 30_000, 0, 86_400_000);
  const MB = 1024 * 1024;
  const uploads: UploadLimits = {
    maxBytes: reader.integer("UPLOAD_MAX_MB", 10, 1, 1024) * MB,
    maxEntryBytes: reader.integer("UPLOAD_MAX_ENTRY_MB", 50, 1, 4096) * MB,
    maxTotalBytes: reader.integer("UPLOAD_MAX_UNPACKED_MB", 100, 1, 8192) * MB,
    maxRatio: reader.integer("UPLOAD_MAX_RATIO", 100, 2, 100_000),
    maxRows: reader.integer("UPLOAD_MAX_ROWS", 100_000, 10, 10_000_000),
    maxCells: reader.integer("UPLOAD_MAX_CELLS", 2_000_000, 100, 100_000_000),
    parseTimeoutMs: reader.integer("UPLOAD_PARSE_TIMEOUT_MS", 20_000, 100, 600_000),
    workerMemoryMb: reader.integer("UPLOAD_WORKER_MEMORY_MB", 512, 64, 16_384),
  };

  const sms = parseSms(reader, production);
  const metricsToken = reader.string("METRICS_TOKEN");
  if (metricsToken !== undefined && metricsToken.length < 24) {
    reader.problems.push("METRICS_TOKEN must have at least 24 characters");
  }

  let piiSecret = readPiiSecret(reader, dataDir, production);

  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  piiSecret ??= embeddedPiiSecret(dataDir);

  return {
    nodeEnv,
    port,
    host,
    cookieSecure,
    databaseUrl,
    databasePool,
    dataDir,
    trustProxy,
    logLevel,
    logFormat,
    piiSecret,
    redisUrl,
    verificationRateLimit,
    loginRateLimit,
    residentLimits,
    challenge,
    sms,
    metricsToken,
    localIdPrefix,
    publicSurveyUrl,
    seedDemo,
    adminUsername,
    adminPassword,
    sweepIntervalMs,
    uploads,
  };
}
