/**
 * Marks of the classifier page's first steps (the WASM backend ready, the model read and checked, its
 * warm-up) and of its first request's steps, for `npm run bench:e2e`'s split of a cold click. Each name
 * is marked once: a page that answers thousands of requests keeps a handful of marks.
 */
const marked = new Set<string>();

export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}

/** The marks, in milliseconds since the epoch, so they compare with Date.now() in other contexts. */
export function timeline(): Record<string, number> {
  const marks = performance.getEntriesByType('mark').map((m) => [m.name, Math.round(performance.timeOrigin + m.startTime)]);
  return { 'navigation-start': Math.round(performance.timeOrigin), ...Object.fromEntries(marks) };
}
