export interface Figure {
  name: string;
  value: number;
  unit: string;
  detail?: Record<string, unknown>;
}

/** Runs `fn` repeatedly for at least `minMs` after one warm-up run. */
export function timeIt(fn: () => void, minMs = 2000): { runs: number; ms: number } {
  fn();
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return { runs, ms: performance.now() - start };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
