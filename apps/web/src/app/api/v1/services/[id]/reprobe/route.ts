import { reprobeHandler } from "../../../../../../api/handlers/reprobe";
import { failure } from "../../../../../../api/respond";
import { getDatabase } from "../../../../../../server/database";
import { getJobQueue } from "../../../../../../server/job-queue";
import { sessionFromCookie } from "../../../../../../server/session";
import { csrfMatches, sessionCookieName, verifySession } from "../../../../../../server/session-cookie";
import { sessionSecret } from "../../../../../../server/session-secret";

export const dynamic = "force-dynamic";

function cookieOf(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  return header.split(/;\s*/).find((c) => c.startsWith(`${sessionCookieName}=`))?.slice(sessionCookieName.length + 1);
}

export async function POST(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  try {
    return await reprobeHandler(request, await context.params, {
      db: await getDatabase(),
      queue: await getJobQueue(),
      now: Date.now(),
      session: (req) => sessionFromCookie(cookieOf(req)),
      csrfValid: (session, presented) => {
        const claims = verifySession(sessionSecret(), cookieOf(request), Math.floor(Date.now() / 1000));
        return claims !== null && claims.tokenId === session.tokenId && csrfMatches(sessionSecret(), claims, presented);
      },
    });
  } catch (error) {
    return failure(error);
  }
}
