// A PostgreSQL cluster of the test's own, in a temp folder, on an ephemeral port: fault injection restarts it,
// crashes it and exhausts its connections while the machine's shared PostgreSQL keeps serving everyone else.
// initdb refuses to run as root, so as root the cluster belongs to the `postgres` system user.
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { migratePostgres } from "@kensa/db";
import { freePort } from "./free-port";

const run = promisify(execFile);

export interface PrivatePostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  maxConnections: number;
  databaseUrl(name: string): string;
  /** stop -m fast (clean shutdown) or -m immediate (a crash: no checkpoint, recovery on start). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** The newest server binaries installed from Debian's packages (/usr/lib/postgresql/<version>/bin). */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}

export async function startPrivatePostgres(options: { maxConnections?: number } = {}): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)");
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), "kensa-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const maxConnections = options.maxConnections ?? 30;
  const as = (cmd: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]) : run(join(bin, cmd), args));
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await as("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const settings = [
    `-c port=${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${dir}`, `-c max_connections=${maxConnections}`,
    // fsync off is safe here: an immediate stop kills the server, not the OS, so written pages survive. Commits stay
    // synchronous: an acknowledged commit must survive the crash, or the audit would (rightly) find lost runs.
    "-c superuser_reserved_connections=0", "-c fsync=off", "-c full_page_writes=off", "-c shared_buffers=16MB",
  ].join(" ");
  const start = async () => {
    await as("pg_ctl", ["-D", data, "-o", settings, "-l", join(dir, "log"), "-w", "-t", "30", "start"]);
  };
  const stop = async (mode: "fast" | "immediate" = "fast") => {
    await as("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "30", "stop"]).catch(() => undefined);
  };
  await start();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    port,
    maxConnections,
    databaseUrl: (name) => `postgresql://postgres@127.0.0.1:${port}/${name}`,
    stop,
    start,
    dispose: async () => {
      await stop("immediate");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates and migrates a database on a private cluster. */
export async function createMigratedDatabase(cluster: PrivatePostgres, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: cluster.adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const url = cluster.databaseUrl(name);
  await migratePostgres(url);
  return url;
}
