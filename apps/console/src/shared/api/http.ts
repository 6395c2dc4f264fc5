import { type ApiError, CSRF_HEADER } from "@survey/contract";
import { strings } from "../strings";

/** A refused request: the status and the server's `{error, message, ...details}` body. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
    this.name = "ApiRequestError";
  }

  get code(): string {
    return this.body.error;
  }
}

// The CSRF token belongs to the session; the session module sets it after sign-in or restore.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 so the app can send the user back to the sign-in page. */
let onUnauthenticated: (() => void) | null = null;

export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (files). */
  body?: Blob | FormData | string;
  contentType?: string;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorBody(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ApiError>;
    if (typeof body.error === "string" && typeof body.message === "string") return body as ApiError;
  } catch {
    // Not JSON (a proxy page, say): fall through to a generic message.
  }
  return { error: `http_${response.status}`, message: strings.unknownError };
}

/** One call to the API; resolves with the parsed JSON (undefined for 204), rejects with ApiRequestError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    body = options.body;
    if (options.contentType) headers["content-type"] = options.contentType;
  }
  if (method !== "GET" && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiRequestError(0, { error: "network", message: strings.networkError });
  }
  if (!response.ok) {
    const failure = new ApiRequestError(response.status, await errorBody(response));
    if (response.status === 401 && !path.startsWith("/api/auth/")) onUnauthenticated?.();
    throw failure;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined as T;
  return (await response.json()) as T;
}

/** The Chinese sentence to show for any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.body.message;
  return strings.unknownError;
}
