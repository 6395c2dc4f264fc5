/**
 * The one place that talks HTTP. Every failure becomes an ApiError with the API's stable `error` code
 * (SPEC §3), or `network_error` when the request never got an answer, so screens can map codes to
 * sentences without looking at statuses or exceptions.
 */

import { takeEarlyRequest } from "./early-requests";

export const NETWORK_ERROR = "network_error";

/** Weak mobile networks stall rather than fail; give up after this long and let the caller retry. */
const REQUEST_TIMEOUT_MS = 20_000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
    /** Seconds from the retry-after header of a 429/503, if any. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Worth trying again unchanged: no answer, a timeout, an overloaded server or a rate limit. */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  signal?: AbortSignal;
  /** Let the request outlive the page (a last autosave when the tab is hidden or closed). */
  keepalive?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

/** Rejects when `signal` aborts, for a request that was started without it (an early one). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(new DOMException("aborted", "AbortError"));
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    promise.then(resolve, reject);
  });
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), REQUEST_TIMEOUT_MS);
  const abortFromCaller = () => timeout.abort();
  options.signal?.addEventListener("abort", abortFromCaller);

  const send = () =>
    fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: timeout.signal,
      cache: "no-store",
      keepalive: options.keepalive,
    });
  const early = method === "GET" && !options.token ? takeEarlyRequest(path) : undefined;

  let response: Response;
  try {
    // An early answer that failed on the way is asked for once more, as any other request would be.
    response = await (early ? abortable(early, timeout.signal).catch(send) : send());
  } catch {
    if (options.signal?.aborted) throw new DOMException("aborted", "AbortError");
    throw new ApiError(0, NETWORK_ERROR, "network error");
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", abortFromCaller);
  }

  const text = await response.text().catch(() => "");
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }

  if (!response.ok) {
    const body = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
    const code =
      typeof body.error === "string" ? body.error : response.status >= 500 ? "service_unavailable" : "http_error";
    const message = typeof body.message === "string" ? body.message : `HTTP ${response.status}`;
    const retryAfter =
      parseRetryAfter(response.headers.get("retry-after")) ??
      (typeof body.retryAfterSeconds === "number" ? body.retryAfterSeconds : null);
    throw new ApiError(response.status, code, message, body, retryAfter);
  }
  return { status: response.status, data: payload as T, headers: response.headers };
}
