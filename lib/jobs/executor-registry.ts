import type { OutgoingEvent } from "./enqueue-event-runs";

/** What the rest of the process may ask of a running embedded executor. */
export interface EmbeddedExecutorHandle {
  /** Queues runs for the events (durably) and wakes the executor; returns the event ids. */
  send(events: OutgoingEvent[]): Promise<string[]>;
  /** Polls for due runs now instead of at the next interval. */
  wake(): void;
}

// Keyed by Inngest client id on globalThis: Next bundles instrumentation and route handlers separately, so a
// module-level map in one bundle would be invisible to the other.
const globalForExecutors = globalThis as typeof globalThis & {
  __tracepipeEmbeddedExecutors?: Map<string, EmbeddedExecutorHandle>;
};

function executors(): Map<string, EmbeddedExecutorHandle> {
  globalForExecutors.__tracepipeEmbeddedExecutors ??= new Map();
  return globalForExecutors.__tracepipeEmbeddedExecutors;
}

export function registerEmbeddedExecutor(clientId: string, handle: EmbeddedExecutorHandle): void {
  executors().set(clientId, handle);
}

export function unregisterEmbeddedExecutor(clientId: string, handle: EmbeddedExecutorHandle): void {
  if (executors().get(clientId) === handle) executors().delete(clientId);
}

export function getEmbeddedExecutor(clientId: string): EmbeddedExecutorHandle | undefined {
  return executors().get(clientId);
}
