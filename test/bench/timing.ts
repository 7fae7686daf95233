/** Timing helpers shared by the benches: the median of repeated runs after a warm-up. */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The median time of `runs` calls of `f`, in ms, after `warmup` untimed calls (default 10). */
export function time(runs: number, f: () => void, warmup = 10): number {
  for (let i = 0; i < warmup; i++) f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    samples.push(performance.now() - t);
  }
  return median(samples);
}
