// Is a schema valid JSON Schema 2020-12? Checked against the 2020-12 meta-schema by Ajv (pure computation:
// the meta-schema ships with Ajv; the schema under test is never compiled, so a hostile one runs no code).
// MCP 2025-11-25 reads a schema without `$schema` as 2020-12; a schema naming another dialect is checked as
// 2020-12 without it (the keywords it uses are mostly shared).
import { Ajv2020 } from "ajv/dist/2020.js";

// Built on first use: importing @kensa/core (the dashboard does) should not pay for the meta-schema.
let ajv: Ajv2020 | undefined;

/** null when valid, else the first problem in a few words. */
export function schemaProblems(schema: Record<string, unknown>): string | null {
  const { $schema, ...rest } = schema;
  const checked = typeof $schema === "string" && $schema.includes("2020-12") ? schema : rest;
  ajv ??= new Ajv2020({ strict: false, validateSchema: false, allErrors: false });
  try {
    if (ajv.validateSchema(checked) === true) return null;
    const first = ajv.errors?.[0];
    return first ? `${first.instancePath || "/"} ${first.message ?? "is invalid"}` : "invalid";
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 120) : "invalid";
  }
}
