// Timing helpers shared by the benchmarks.

/** Runs fn once: its time in milliseconds and its result. */
export const time = async (fn) => {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
};

/** Median of n warm runs after one warm-up, in milliseconds. */
export const warm = async (fn, n = 5) => {
  await fn();
  const ms = [];
  for (let i = 0; i < n; i++) ms.push((await time(fn)).ms);
  return ms.sort((x, y) => x - y)[Math.floor(n / 2)];
};
