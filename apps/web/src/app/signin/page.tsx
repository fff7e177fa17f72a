import { connection } from "next/server";
import { requestLang } from "../../i18n/request-lang";
import { safeLocalPath } from "../../lib/safe-path";
import { currentSession } from "../../server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const query = await searchParams;
  const next = safeLocalPath(typeof query.next === "string" ? query.next : "/");
  const error = typeof query.error === "string" ? query.error : null;
  const [{ t }, session] = await Promise.all([requestLang(), currentSession()]);
  const v = t.signin;
  return (
    <>
      <h1>{v.title}</h1>
      {session ? (
        <form method="post" action="/auth/signout">
          <p>{v.signedInAs(session.subject, session.scopes.join(", "))}</p>
          <button type="submit">{v.signOut}</button>
        </form>
      ) : (
        <form method="post" action="/auth/signin" className="signin-form">
          <p>{v.explain}</p>
          {error ? <p role="alert" className="form-error">{error === "invalid" ? v.invalid : v.origin}</p> : null}
          <label htmlFor="token">{v.tokenLabel}</label>
          <input id="token" name="token" type="password" autoComplete="off" required spellCheck={false} />
          <input type="hidden" name="next" value={next} />
          <button type="submit">{v.signIn}</button>
        </form>
      )}
    </>
  );
}
