import { useEffect, useState } from "react";

/** Whole seconds left until `endsAt` (ms since epoch), ticking once a second; 0 when passed or null. */
export function useCountdown(endsAt: number | null): number {
  const remaining = () => (endsAt === null ? 0 : Math.max(0, Math.ceil((endsAt - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(remaining);
  // biome-ignore lint/correctness/useExhaustiveDependencies: remaining only reads endsAt.
  useEffect(() => {
    setSeconds(remaining());
    if (endsAt === null) return;
    const timer = setInterval(() => {
      const left = remaining();
      setSeconds(left);
      if (left === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [endsAt]);
  return seconds;
}
