// The embedded PGlite database on its own thread. PGlite is Postgres compiled to WebAssembly: every statement runs
// synchronously on the thread that owns it, so on the server's main thread a 500-row insert would stall every other
// request for its whole duration. Here it runs beside the main thread and the app talks to it through
// `db/pglite-thread.ts`. Plain JavaScript on purpose: worker_threads load this file directly, outside Next's bundle.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** @type {import("node:worker_threads").MessagePort} */
const port = /** @type {any} */ (parentPort);
const rollbackRequested = Symbol("rollback requested");
const identity = (/** @type {unknown} */ value) => value;

/** The channels listened to, with how to stop. */
const listening = new Map();

/** Open transactions by id: the PGlite transaction handle and how to end it. */
const transactions = new Map();

/** Postgres error fields survive the thread boundary; a structured clone of an Error keeps only its message. */
function serializeError(/** @type {any} */ error) {
  const fields = {};
  for (const key of [
    "code",
    "detail",
    "hint",
    "position",
    "schema",
    "table",
    "column",
    "dataType",
    "constraint",
    "severity",
    "where",
  ]) {
    if (error?.[key] !== undefined) fields[key] = error[key];
  }
  return {
    name: error?.name ?? "Error",
    message: error?.message ?? String(error),
    stack: error?.stack,
    fields,
  };
}

function queryOptions(/** @type {{ rowMode?: "array" | "object", rawTypes?: number[] }} */ message) {
  const parsers = {};
  for (const oid of message.rawTypes ?? []) parsers[oid] = identity;
  return { rowMode: message.rowMode, parsers };
}

async function beginTransaction(/** @type {number} */ txId, /** @type {PGlite} */ db) {
  /** @type {(value?: unknown) => void} */
  let opened = () => {};
  const started = new Promise((resolve) => {
    opened = resolve;
  });
  const finished = db
    .transaction(async (tx) => {
      const decision = await new Promise((decide) => {
        transactions.set(txId, { tx, decide });
        opened();
      });
      if (decision === "rollback") throw rollbackRequested;
    })
    .catch((error) => {
      if (error !== rollbackRequested) throw error;
    });
  // BEGIN itself can fail; then `finished` rejects before the transaction ever opens.
  await Promise.race([started, finished]);
  transactions.get(txId).finished = finished;
}

async function endTransaction(/** @type {number} */ txId, /** @type {"commit" | "rollback"} */ decision) {
  const open = transactions.get(txId);
  if (!open) throw new Error(`Transaction ${txId} is not open`);
  transactions.delete(txId);
  open.decide(decision);
  await open.finished;
}

async function handle(/** @type {PGlite} */ db, /** @type {any} */ message) {
  switch (message.op) {
    case "query": {
      const target = message.txId === undefined ? db : transactions.get(message.txId)?.tx;
      if (!target) throw new Error(`Transaction ${message.txId} is not open`);
      return target.query(message.sql, message.params, queryOptions(message));
    }
    case "exec": {
      const target = message.txId === undefined ? db : transactions.get(message.txId)?.tx;
      if (!target) throw new Error(`Transaction ${message.txId} is not open`);
      return target.exec(message.sql);
    }
    case "begin":
      return beginTransaction(message.txId, db);
    case "commit":
    case "rollback":
      return endTransaction(message.txId, message.op);
    case "listen": {
      // Notifications travel as unsolicited messages; PGlite delivers its own commits' NOTIFYs to its listeners.
      if (!listening.has(message.channel)) {
        const unlisten = await db.listen(message.channel, (payload) =>
          port.postMessage({ notification: { channel: message.channel, payload } }),
        );
        listening.set(message.channel, unlisten);
      }
      return null;
    }
    case "unlisten":
      await listening.get(message.channel)?.();
      listening.delete(message.channel);
      return null;
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`Unknown operation ${message.op}`);
  }
}

try {
  const db = await PGlite.create(workerData.dataDir);
  port.on("message", (message) => {
    handle(db, message).then(
      (result) => port.postMessage({ id: message.id, result }),
      (error) => port.postMessage({ id: message.id, error: serializeError(error) }),
    );
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: serializeError(error) });
}
