import { useSearchParams } from "react-router-dom";

/** The years offered: this year and the six before it (values are usually for the year just ended). */
export function yearChoices(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 7 }, (_, i) => now - i);
}

/** Page settings kept in the address (year and filters), so a link or a reload shows the same view. */
export function useSearchSettings() {
  const [params, setParams] = useSearchParams();
  /** Several settings at once ("" removes one): separate calls in one event would each start from the same address. */
  const setAll = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === "") next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const set = (key: string, value: string) => setAll({ [key]: value });
  const years = yearChoices();
  const year = Number(params.get("year")) || (years[0] ?? 2026);
  return { params, set, setAll, years, year };
}
