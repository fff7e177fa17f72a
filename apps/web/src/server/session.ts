// Who is signed in. Sign-in (OIDC) and the re-probe endpoint belong to the security and workers issues
// (6 and 8); until they land nobody is signed in, so write controls such as "re-probe now" stay hidden.
export interface Session {
  subject: string;
  scopes: string[];
}

export async function currentSession(): Promise<Session | null> {
  return null;
}
