/**
 * The one queue of model work (runs and reloads), in the order it came, on a promise chain that a
 * failed task does not break.
 */
let queue: Promise<unknown> = Promise.resolve();

export function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}
