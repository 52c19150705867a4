/** What a write path may ask of the relays running in this process. */
export interface OutboxRelayHandle {
  nudge(): void;
}

// On globalThis: Next bundles instrumentation (where relays start) and route handlers (where events are
// written) separately, so a module-level set in one bundle would be invisible to the other.
const globalForRelays = globalThis as typeof globalThis & {
  __tracepipeOutboxRelays?: Set<OutboxRelayHandle>;
};

function relays(): Set<OutboxRelayHandle> {
  globalForRelays.__tracepipeOutboxRelays ??= new Set();
  return globalForRelays.__tracepipeOutboxRelays;
}

export function registerOutboxRelay(relay: OutboxRelayHandle): void {
  relays().add(relay);
}

export function unregisterOutboxRelay(relay: OutboxRelayHandle): void {
  relays().delete(relay);
}

/** Called after a commit that wrote outbox rows. Without a relay in this process, the rows wait for one. */
export function nudgeOutboxRelays(): void {
  for (const relay of relays()) relay.nudge();
}
