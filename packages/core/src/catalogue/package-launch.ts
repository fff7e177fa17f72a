// How a vendor's npm package is started for a `package` run: which catalogued packages qualify (the
// vendor's own, pinned by version and integrity, with an executable), and the documented dummy values
// of the variables it needs to start. A dummy is never a credential: it only gets a server past its
// start-up check, so what it does without a working account can be observed (README: package probes).
import type { PackageServer, PublishedServer } from "./published-server";

/** What a variable the catalogue names is set to when the entry gives no dummy of its own. */
export const dummyPlaceholder = "kensa-dummy-not-a-credential";

export interface PackageLaunch {
  name: string;
  version: string;
  integrity: string;
  bin: string;
  args: string[];
  /** Every requiredEnv name with its dummy value. */
  env: Record<string, string>;
}

/** The vendor's pinned npm package among the published servers, ready to install and start; undefined when there is none. */
export function packageLaunchOf(servers: readonly PublishedServer[]): PackageLaunch | undefined {
  const server = servers.find((s): s is PackageServer & { version: string; integrity: string; bin: string } =>
    s.kind === "package" && s.registry === "npm" && s.owner === "vendor" && s.version !== undefined && s.integrity !== undefined && s.bin !== undefined);
  if (!server) return undefined;
  const env = Object.fromEntries((server.requiredEnv ?? []).map((name) => [name, server.dummyEnv?.[name] ?? dummyPlaceholder]));
  return { name: server.name, version: server.version, integrity: server.integrity, bin: server.bin, args: server.args ?? [], env };
}

/** The folder name a package is installed under in the data folder: one per name@version, never shared. */
export function packageFolderName(launch: Pick<PackageLaunch, "name" | "version">): string {
  return `${launch.name.replace(/^@/, "").replace(/\//g, "__")}@${launch.version}`;
}
