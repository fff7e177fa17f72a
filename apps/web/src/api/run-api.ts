// The adapter between Next's route handlers and ours: find the database, run the handler, turn any
// exception into a JSON error. Handlers themselves take (database, url, params) and know nothing of Next.
import type { Database } from "@kensa/db";
import { getDatabase } from "../server/database";
import { failure } from "./respond";

export type ApiHandler = (db: Database, url: URL, params: Record<string, string>) => Promise<Response>;

export async function runApi(request: Request, handler: ApiHandler, params: Record<string, string> = {}): Promise<Response> {
  try {
    const db = await getDatabase();
    return await handler(db, new URL(request.url), params);
  } catch (error) {
    return failure(error);
  }
}
