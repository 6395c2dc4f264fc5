/** First retry after 1 s, doubling up to 30 s; a server's retry-after is honoured when it asks for longer. */
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

export function retryDelayMs(attempt: number, retryAfterSeconds: number | null = null): number {
  const exponent = Math.max(0, attempt - 1);
  const backoff = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(exponent, 16));
  const asked = retryAfterSeconds === null ? 0 : retryAfterSeconds * 1000;
  return Math.max(backoff, asked);
}
