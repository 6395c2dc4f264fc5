/**
 * Database errors as the services meet them: which rule a failed statement broke, and running a transaction
 * again after a deadlock. The one reading of a PostgreSQL error code for the whole API.
 */

/** PostgreSQL deadlock / serialization failures: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(["40P01", "40001"]);

export async function withTransactionRetry<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = pgErrorCode(error);
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

/** The PostgreSQL error code of an error thrown by either driver (drizzle may wrap it in `cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === "string") return direct;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof cause === "string" ? cause : undefined;
}

/** The violated constraint's name, for telling apart which unique rule a duplicate broke. */
export function pgConstraint(error: unknown): string | undefined {
  const direct = (error as { constraint?: unknown }).constraint;
  if (typeof direct === "string") return direct;
  const cause = (error as { cause?: { constraint?: unknown } }).cause?.constraint;
  return typeof cause === "string" ? cause : undefined;
}
