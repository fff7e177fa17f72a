// An auth method as pages show it: the declared one plainly, an observed one (the catalogue declares
// "unknown") with an "observed" tag, so an observation never reads as a vendor's declaration.
import type { ShownAuthMethod } from "../api/schemas";
import { label } from "../i18n/lang";
import type { Messages } from "../i18n/messages-en";

export function AuthMethodLabel({ auth, t }: { auth: ShownAuthMethod; t: Messages }) {
  return (
    <span data-auth-basis={auth.basis}>
      {label(t.authMethods, auth.method)}
      {auth.basis === "observed" ? <>{" "}<span className="muted small" title={t.authObserved.title}>({t.authObserved.label})</span></> : null}
    </span>
  );
}
