/** Collects durations (ms) per named step and summarises them with nearest-rank percentiles. */
export class LatencyRecorder {
  private readonly samples = new Map<string, number[]>();

  record(step: string, ms: number): void {
    let list = this.samples.get(step);
    if (!list) {
      list = [];
      this.samples.set(step, list);
    }
    list.push(ms);
  }

  steps(): string[] {
    return [...this.samples.keys()];
  }

  summary(step: string): LatencySummary {
    return summarise(this.samples.get(step) ?? []);
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
