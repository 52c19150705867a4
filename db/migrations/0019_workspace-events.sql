CREATE TABLE "workspace_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "workspace_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "workspace_events_workspace_id_idx" ON "workspace_events" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE INDEX "workspace_events_created_idx" ON "workspace_events" USING btree ("created_at");--> statement-breakpoint
-- Appends one workspace event and announces it on the `workspace_events` channel (payload `<workspace>:<id>`).
-- Called only from triggers deferred to commit: the advisory lock then serializes the commits that write events
-- for one workspace, from here to the commit, so ids are handed out in commit order and a reader resuming after
-- id N never misses a smaller id committed later. Nothing is locked after it, so it cannot deadlock. NOTIFY is
-- transactional: listeners hear of the row exactly when it becomes visible, and never of a rolled-back one.
CREATE FUNCTION record_workspace_event(p_workspace_id uuid, p_type text, p_data jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  event_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('workspace_events:' || p_workspace_id::text, 0));
  INSERT INTO workspace_events (workspace_id, type, data) VALUES (p_workspace_id, p_type, p_data)
    RETURNING id INTO event_id;
  PERFORM pg_notify('workspace_events', p_workspace_id::text || ':' || event_id::text);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION workspace_status_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous_status text := CASE WHEN TG_OP = 'UPDATE' THEN OLD.status::text END;
  payload jsonb;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NULL;
  END IF;
  payload := jsonb_build_object('status', NEW.status::text, 'previous_status', previous_status);
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM record_workspace_event(NEW.workspace_id, 'session.status_changed',
      payload || jsonb_build_object('session_id', NEW.id));
  ELSIF TG_TABLE_NAME = 'examples' THEN
    PERFORM record_workspace_event(NEW.workspace_id, 'example.status_changed',
      payload || jsonb_build_object('example_id', NEW.id, 'session_id', NEW.session_id));
  ELSE
    PERFORM record_workspace_event(NEW.workspace_id, 'review_item.status_changed',
      payload || jsonb_build_object('review_item_id', NEW.id, 'session_id', NEW.session_id));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sessions_status_event AFTER INSERT OR UPDATE OF status ON sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_status_event();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER examples_status_event AFTER INSERT OR UPDATE OF status ON examples
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_status_event();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER review_items_status_event AFTER INSERT OR UPDATE OF status ON review_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_status_event();
--> statement-breakpoint
-- Budget alerts arrive through the outbox (`budget/threshold-reached`, schemas/app-events.ts); the workspace's
-- members see them on the stream too, with the stream's snake_case payload.
CREATE FUNCTION outbox_budget_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_workspace_event((NEW.data->>'workspaceId')::uuid, 'budget.threshold_reached',
    jsonb_build_object(
      'threshold_percent', NEW.data->'thresholdPercent',
      'cost_cents', NEW.data->'costCents',
      'limit_cents', NEW.data->'limitCents',
      'period_start', NEW.data->'periodStart'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER outbox_events_budget_event AFTER INSERT ON outbox_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.name = 'budget/threshold-reached')
  EXECUTE FUNCTION outbox_budget_event();
