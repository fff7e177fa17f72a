// Where the test services live, and whether they answered: the testkit's one reader of the environment.
// A test that needs a service and cannot find it fails in CI (CI=true) and is skipped with a loud message
// elsewhere (see global-setup.ts, which sets the KENSA_TEST_ variables for the workers).
export const inCi = process.env.CI === "true" || process.env.CI === "1";

export const postgresAdminUrl = (() => {
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/postgres";
  return url.toString();
})();

export const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Set by the global setup: this run's id (it names Redis key prefixes and databases). */
export const testRunId = process.env.KENSA_TEST_RUN_ID ?? "local";
/** Set by the global setup: the migrated PostgreSQL template database, or why there is none. */
export const postgresTemplate = process.env.KENSA_TEST_PG_TEMPLATE;
export const postgresUnavailable = process.env.KENSA_TEST_PG_UNAVAILABLE;
export const redisUnavailable = process.env.KENSA_TEST_REDIS_UNAVAILABLE;
/** A gzip dump of a migrated PGlite data folder, written once per test run. */
export const pgliteTemplatePath = process.env.KENSA_TEST_PGLITE_TEMPLATE;

export const hasPostgres = Boolean(postgresTemplate) && !postgresUnavailable;
export const hasRedis = !redisUnavailable;
