// The MCP servers published for a service, as found in sources: hosted endpoints and packages a user runs
// locally. Each names who publishes it and the page that says so (an http(s) URL: a citation is not enough
// here). "vendor" only when the publisher checks out as the vendor itself (its domain, its GitHub
// organisation, its registry account); anyone else's server is "third_party" and is never graded as the
// vendor's.
import { z } from "zod";
import { HttpUrl } from "./http-url";
import { SecretName } from "./credential-spec";


export const ServerOwner = z.enum(["vendor", "third_party"]);
export type ServerOwner = z.infer<typeof ServerOwner>;

/** github: the source repository only (no registry release). */
export const PackageRegistry = z.enum(["npm", "pypi", "docker", "github"]);
export type PackageRegistry = z.infer<typeof PackageRegistry>;

/** What `npm view NAME dist.integrity` prints: the tarball's sha512, base64. */
export const NpmIntegrity = z.string().regex(/^sha512-[A-Za-z0-9+/]{86}==$/, "expected an npm integrity hash (sha512-<base64>, from `npm view NAME dist.integrity`)");

/** A URL one can connect to: a per-tenant pattern (https://{subdomain}.example.com/mcp) is not one. */
const concreteUrl = HttpUrl.refine((url) => !/[{}<>]|%7B|%7D|%3C|%3E/i.test(url), { message: "expected a concrete URL, not a per-tenant pattern (record the pattern in note, url: null)" });

export const RemoteServer = z.strictObject({
  kind: z.literal("remote"),
  /** null: the vendor documents a hosted server but publishes no single URL (per tenant, or not read). */
  url: concreteUrl.nullable(),
  /** Absent when the source does not say. */
  transport: z.enum(["streamable-http", "sse"]).optional(),
  owner: ServerOwner,
  publisher: z.string().min(1),
  /** The page that says this server exists and who runs it. */
  source: HttpUrl,
  note: z.string().min(1).optional(),
});
export type RemoteServer = z.infer<typeof RemoteServer>;

export const PackageServer = z
  .strictObject({
    kind: z.literal("package"),
    registry: PackageRegistry,
    name: z.string().min(1),
    version: z.string().min(1).optional(),
    integrity: NpmIntegrity.optional(),
    /** The executable the package installs (npm `bin`). */
    bin: z.string().min(1).optional(),
    repository: HttpUrl.optional(),
    owner: ServerOwner,
    publisher: z.string().min(1),
    /** Why the owner is who it is: repository organisation, registry maintainers, the vendor's page linking it. */
    ownerEvidence: z.string().min(1).optional(),
    /** Variables it needs to start, per its README: the package probe hands over these and nothing else. */
    requiredEnv: z.array(SecretName).optional(),
    /**
     * Values for requiredEnv that let it start without an account, where the placeholder
     * (package-launch.ts) would not do — e.g. a domain it parses. Never a working credential.
     */
    dummyEnv: z.record(SecretName, z.string().max(200)).optional(),
    /** Arguments that start its MCP server over stdio, where the bare executable does something else (per its README). */
    args: z.array(z.string().min(1)).max(20).optional(),
    source: HttpUrl,
    note: z.string().min(1).optional(),
  })
  .superRefine((server, ctx) => {
    // The package probe installs exactly what was catalogued: a vendor's npm package is pinned, or it would
    // run whatever the registry serves that day under the vendor's name.
    if (server.registry === "npm" && server.owner === "vendor") {
      if (server.version === undefined) ctx.addIssue({ code: "custom", path: ["version"], message: "expected a pinned version for the vendor's npm package (`npm view NAME version`)" });
      if (server.integrity === undefined) ctx.addIssue({ code: "custom", path: ["integrity"], message: "expected the integrity hash for the vendor's npm package (`npm view NAME dist.integrity`)" });
    }
    for (const name of Object.keys(server.dummyEnv ?? {})) {
      if (!(server.requiredEnv ?? []).includes(name)) ctx.addIssue({ code: "custom", path: ["dummyEnv", name], message: `expected ${name} in requiredEnv: a dummy is only for a variable the package needs` });
    }
    if (server.integrity !== undefined && server.registry !== "npm") {
      ctx.addIssue({ code: "custom", path: ["integrity"], message: `expected no npm integrity hash for a ${server.registry} package` });
    }
  });
export type PackageServer = z.infer<typeof PackageServer>;

export const PublishedServer = z.discriminatedUnion("kind", [RemoteServer, PackageServer]);
export type PublishedServer = z.infer<typeof PublishedServer>;

export function isVendorRemote(server: PublishedServer): server is RemoteServer & { url: string } {
  return server.kind === "remote" && server.owner === "vendor" && server.url !== null;
}

/**
 * The endpoint the prober should target given the published servers: the current one when it is set (a
 * person chose it), else the first vendor-owned remote server with a URL. A third party's server never
 * becomes it. Where the source does not name the transport, Streamable HTTP: the current specification's,
 * and the one the prober tries first.
 */
export function endpointFromServers<E extends { url: string | null }>(
  current: E,
  servers: readonly PublishedServer[],
): E | { url: string; transport: "streamable-http" | "sse"; source: string } {
  if (current.url !== null) return current;
  const first = servers.find(isVendorRemote);
  return first ? { url: first.url, transport: first.transport ?? "streamable-http", source: first.source } : current;
}
