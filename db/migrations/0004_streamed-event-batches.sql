CREATE TABLE "session_event_batches" (
	"session_id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"event_count" integer NOT NULL,
	"body" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_event_batches_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "session_event_ids" (
	"session_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	CONSTRAINT "session_event_ids_session_id_event_id_pk" PRIMARY KEY("session_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "session_event_batches" ADD CONSTRAINT "session_event_batches_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written: session_event_ids has no foreign key (its check would run once per id on the ingest path), so
-- deleting a session deletes its ids here, as ON DELETE CASCADE would. It fires for cascaded deletes (a user's) too.
CREATE FUNCTION session_event_ids_delete_with_session() RETURNS trigger AS $$
BEGIN
  DELETE FROM session_event_ids WHERE session_id = OLD.id;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER sessions_delete_event_ids AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION session_event_ids_delete_with_session();
--> statement-breakpoint
-- Hand-written data move (drizzle-kit only drops the old table): every stored event keeps its id and its place.
INSERT INTO "session_event_ids" ("session_id", "event_id") SELECT "session_id", "event_id" FROM "session_events";--> statement-breakpoint
-- Bodies become NDJSON batches in arrival order. A long session is cut where its running size passes each MiB,
-- so that no batch outgrows what a request may carry (5 MB) and readers can keep holding one batch at a time.
-- `seq` is numbered here rather than drawn from the sequence, so batch order does not depend on insertion order.
INSERT INTO "session_event_batches" ("session_id", "seq", "event_count", "body", "received_at")
SELECT "session_id", row_number() OVER (ORDER BY "session_id", "chunk"), count(*)::integer,
	string_agg("line", E'\n' ORDER BY "seq"), max("received_at")
FROM (
	SELECT "session_id", "seq", "line", "received_at",
		(sum(octet_length("line") + 1) OVER (PARTITION BY "session_id" ORDER BY "seq") - octet_length("line") - 1) / 1048576 AS "chunk"
	FROM (SELECT "session_id", "seq", "body"::text AS "line", "received_at" FROM "session_events") AS "lines"
) AS "numbered"
GROUP BY "session_id", "chunk";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('session_event_batches', 'seq'), coalesce(max("seq"), 0) + 1, false) FROM "session_event_batches";--> statement-breakpoint
DROP TABLE "session_events" CASCADE;
