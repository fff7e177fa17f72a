import pg from "pg";
import { readRollups } from "@kensa/db";
import { sharedHistory, closeSharedHistory } from "./support/history";
const h = await sharedHistory();
const to = h.seed.lastDay; const from = new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86400000).toISOString().slice(0, 10);
const c = new pg.Client({ connectionString: h.pg.url }); await c.connect();
for (let i = 0; i < 4; i++) {
  let t = performance.now(); const a = await readRollups(h.pg.db, { from, to }); const ta = performance.now() - t;
  t = performance.now(); const b = await c.query(`SELECT * FROM daily_rollup WHERE day >= $1::date AND day <= $2::date ORDER BY service_id, day, path`, [from, to]); const tb = performance.now() - t;
  t = performance.now(); const r = await h.pg.db.prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM daily_rollup WHERE day >= $1::date AND day <= $2::date ORDER BY service_id, day, path`, from, to); const tr = performance.now() - t;
  console.log(`prisma findMany ${a.length} rows ${ta.toFixed(0)} ms; pg raw ${b.rows.length} rows ${tb.toFixed(0)} ms; prisma raw ${r.length} ${tr.toFixed(0)} ms`);
}
const ex = await c.query(`EXPLAIN ANALYZE SELECT run_id::text FROM probe_step WHERE service_id = $1 AND kind = 'check' AND started_at <= now() GROUP BY run_id ORDER BY max(started_at) DESC LIMIT 3`, [h.seed.services[5]!.id]);
console.log(ex.rows.map((r) => r["QUERY PLAN"]).join("\n"));
const sizes = await c.query(`SELECT relname, pg_total_relation_size(relid) AS bytes, n_live_tup FROM pg_stat_user_tables ORDER BY 2 DESC LIMIT 6`);
console.log(sizes.rows);
await c.end(); await closeSharedHistory();
