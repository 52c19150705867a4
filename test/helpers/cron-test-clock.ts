/**
 * A clock for cron tests: it reads `leadMs` before `tick` now and runs in real time from there, so an executor
 * started with it reaches the tick through its real timer after `leadMs`.
 */
export function clockBefore(tick: Date, leadMs: number): () => Date {
  const offsetMs = tick.getTime() - leadMs - Date.now();
  return () => new Date(Date.now() + offsetMs);
}
