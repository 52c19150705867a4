import { getDb } from "@/db/client";
import { listWorkspaceEventsAfter, type WorkspaceEventRow } from "@/db/queries/workspace-events";
import { childLogger } from "@/lib/logger";
import { type WorkspaceStreamEvent, workspaceEventSchemas } from "@/schemas/workspace-events";
import { listenForNotifications, type NotificationListener } from "./notification-listener";

/** The channel the database's `record_workspace_event` notifies, with `<workspace id>:<event id>`. */
export const WORKSPACE_EVENTS_CHANNEL = "workspace_events";
const pageSize = 500;
const log = childLogger("workspace-events");

export interface WorkspaceEventSubscriber {
  /** Events after this id are delivered; it moves forward as they are. */
  cursor: number;
  deliver: (events: WorkspaceStreamEvent[]) => void;
}

/** A row the stream may send: its type declared and its payload valid, else it is skipped (and logged). */
function toStreamEvent(row: WorkspaceEventRow): WorkspaceStreamEvent | undefined {
  const schema = workspaceEventSchemas[row.type as keyof typeof workspaceEventSchemas];
  const parsed = schema?.safeParse(row.data);
  if (!parsed?.success) {
    log.warn({ id: row.id, type: row.type }, "skipping an undeclared or invalid workspace event");
    return undefined;
  }
  return { id: row.id, type: row.type, data: parsed.data } as WorkspaceStreamEvent;
}

/** One workspace's subscribers in this process: one read per notification serves all of them. */
class WorkspaceFeed {
  readonly subscribers = new Set<WorkspaceEventSubscriber>();
  private reading: Promise<void> | undefined;
  private isRereadWanted = false;

  constructor(private readonly workspaceId: string) {}

  /** Reads what is new since the furthest-behind subscriber; one read at a time, a request meanwhile rereads. */
  read(): Promise<void> {
    if (this.reading) {
      this.isRereadWanted = true;
      return this.reading;
    }
    this.reading = this.readNewEvents()
      .catch((error: unknown) => log.error({ err: error }, "could not read workspace events"))
      .finally(() => {
        this.reading = undefined;
        if (this.isRereadWanted) {
          this.isRereadWanted = false;
          void this.read();
        }
      });
    return this.reading;
  }

  private async readNewEvents(): Promise<void> {
    const db = await getDb();
    for (;;) {
      if (this.subscribers.size === 0) return;
      const afterId = Math.min(...[...this.subscribers].map((s) => s.cursor));
      const rows = await listWorkspaceEventsAfter(db, {
        workspaceId: this.workspaceId,
        afterId,
        limit: pageSize,
      });
      const last = rows.at(-1);
      if (!last) return;
      const events = rows.flatMap((row) => toStreamEvent(row) ?? []);
      for (const subscriber of this.subscribers) {
        const due = events.filter((event) => event.id > subscriber.cursor);
        subscriber.cursor = Math.max(subscriber.cursor, last.id);
        if (due.length > 0) subscriber.deliver(due);
      }
      if (rows.length < pageSize) return;
    }
  }
}

/**
 * Fans the database's notifications out to this process's streams: one LISTEN connection per process (never one
 * per client), one read per workspace per notification. Every instance runs its own hub on the same channel, so
 * a change committed through any instance reaches streams on all of them.
 */
export class WorkspaceEventHub {
  private readonly feeds = new Map<string, WorkspaceFeed>();
  private listener: Promise<NotificationListener> | undefined;

  private ensureListening(): Promise<NotificationListener> {
    this.listener ??= listenForNotifications(WORKSPACE_EVENTS_CHANNEL, {
      onNotify: (payload) => this.onNotify(payload),
      onReconnect: () => {
        for (const feed of this.feeds.values()) void feed.read();
      },
    }).catch((error: unknown) => {
      this.listener = undefined;
      throw error;
    });
    return this.listener;
  }

  private onNotify(payload: string): void {
    const [workspaceId, id] = payload.split(":");
    const feed = this.feeds.get(workspaceId ?? "");
    if (!feed) return;
    const eventId = Number(id);
    if (Number.isFinite(eventId) && [...feed.subscribers].every((s) => s.cursor >= eventId)) return;
    void feed.read();
  }

  countSubscribers(workspaceId: string): number {
    return this.feeds.get(workspaceId)?.subscribers.size ?? 0;
  }

  /**
   * Listens first, then reads from the subscriber's cursor: an event committed in between is read either way, and
   * delivered once. Returns how to unsubscribe.
   */
  async subscribe(workspaceId: string, subscriber: WorkspaceEventSubscriber): Promise<() => void> {
    await this.ensureListening();
    let feed = this.feeds.get(workspaceId);
    if (!feed) {
      feed = new WorkspaceFeed(workspaceId);
      this.feeds.set(workspaceId, feed);
    }
    feed.subscribers.add(subscriber);
    void feed.read();
    const joined = feed;
    return () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size === 0 && this.feeds.get(workspaceId) === joined)
        this.feeds.delete(workspaceId);
    };
  }

  async close(): Promise<void> {
    this.feeds.clear();
    const listener = this.listener;
    this.listener = undefined;
    await (await listener?.catch(() => undefined))?.close();
  }
}

// One hub per process, on globalThis so Next's dev-mode module reloads reuse its listening connection.
const globalForHub = globalThis as typeof globalThis & { __tracepipeWorkspaceEventHub?: WorkspaceEventHub };

export function getWorkspaceEventHub(): WorkspaceEventHub {
  globalForHub.__tracepipeWorkspaceEventHub ??= new WorkspaceEventHub();
  return globalForHub.__tracepipeWorkspaceEventHub;
}

/** Stops the process's hub (tests, and before the database is closed). */
export async function closeWorkspaceEventHub(): Promise<void> {
  const hub = globalForHub.__tracepipeWorkspaceEventHub;
  globalForHub.__tracepipeWorkspaceEventHub = undefined;
  await hub?.close();
}
