-- Deleting a workspace deletes its audit chain with it (GDPR erasure: the chain names the workspace's people). The
-- log stays append-only for every workspace that exists: an entry may be deleted only once its workspace row is
-- gone (in the same transaction that deletes the workspace), and no entry may ever be updated. Entries of no
-- workspace (the anonymous chain) are never deleted.
CREATE OR REPLACE FUNCTION audit_log_reject_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.workspace_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM workspaces WHERE id = OLD.workspace_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
