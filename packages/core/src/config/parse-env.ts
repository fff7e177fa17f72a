// Each process parses its environment once, at start, and passes the values down.
// A bad value is one line naming the variable and what it expected.
import type { z } from "zod";
import { KensaError } from "../errors/kensa-error";

export function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.map(String).join(".") || "(environment)";
    const got = typeof issue.path[0] === "string" ? env[issue.path[0]] : undefined;
    const shown = got === undefined ? "it is not set" : looksSecret(variable) ? "got a value (hidden)" : `got ${JSON.stringify(withoutPassword(got))}`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  throw new KensaError("bad_config", `invalid environment:\n  ${lines.join("\n  ")}`, { issues: lines });
}

function looksSecret(name: string): boolean {
  return /SECRET|TOKEN|PASSWORD|KEY|CREDENTIAL/i.test(name);
}

/** Connection URLs may carry a password: show the rest. */
function withoutPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, "$1***@");
}
