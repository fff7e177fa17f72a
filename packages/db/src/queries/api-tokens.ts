// API tokens for write actions. The token is shown once at creation; only its sha256 is stored, so a
// database leak reveals no usable credential. Revocation is immediate (checked on every use).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export const tokenPrefix = "kensa_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface IssuedToken {
  id: string;
  name: string;
  scopes: string[];
  /** The secret itself: print it once, never store or log it. */
  token: string;
}

export async function createApiToken(db: Database, input: { name: string; scopes: string[] }): Promise<IssuedToken> {
  const token = `${tokenPrefix}${randomBytes(32).toString("base64url")}`;
  const id = randomUUID();
  await prismaOf(db).apiToken.create({ data: { id, name: input.name, scopes: input.scopes, tokenHash: hashToken(token) } });
  return { id, name: input.name, scopes: input.scopes, token };
}

export interface VerifiedToken {
  id: string;
  name: string;
  scopes: string[];
}

/** The token's identity when it is known and not revoked; null otherwise (never says which). */
export async function verifyApiToken(db: Database, token: string, now = new Date()): Promise<VerifiedToken | null> {
  if (!token.startsWith(tokenPrefix) || token.length > 200) return null;
  const row = await prismaOf(db).apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) return null;
  await prismaOf(db).apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { id: row.id, name: row.name, scopes: row.scopes };
}

export async function revokeApiToken(db: Database, id: string, now = new Date()): Promise<boolean> {
  const result = await prismaOf(db).apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return result.count === 1;
}

export function listApiTokens(db: Database) {
  return prismaOf(db).apiToken.findMany({ select: { id: true, name: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true }, orderBy: { createdAt: "asc" } });
}

/** A session names its token by id: the token must still exist and not be revoked for the session to hold. */
export async function activeApiToken(db: Database, id: string): Promise<VerifiedToken | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const row = await prismaOf(db).apiToken.findUnique({ where: { id } });
  return row && !row.revokedAt ? { id: row.id, name: row.name, scopes: row.scopes } : null;
}

/** Tokens ever issued, revoked ones included: kensa start issues its admin token only into an empty table. */
export function countApiTokens(db: Database): Promise<number> {
  return prismaOf(db).apiToken.count();
}
