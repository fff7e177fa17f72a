// Query strings through zod, one parameter at a time, so a rejection names the parameter and what it
// expected. Unknown parameters are rejected too (a typo must not silently return unfiltered data).
// Repeated parameters (ids=a&ids=b) are joined with commas, the same as ids=a,b.
import { z } from "zod";

export type ParamShape = Record<string, z.ZodType>;

export interface ParamIssue {
  parameter: string;
  message: string;
  expected: string;
}

export type ParamResult<S extends ParamShape> =
  | { ok: true; value: { [K in keyof S]: z.output<S[K]> } }
  | { ok: false; issues: ParamIssue[] };

export function parseParams<S extends ParamShape>(shape: S, params: URLSearchParams): ParamResult<S> {
  const issues: ParamIssue[] = [];
  const value: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    if (!(name in shape)) issues.push({ parameter: name, message: `unknown parameter "${name}"`, expected: `one of ${Object.keys(shape).join(", ")}` });
  }
  for (const [name, schema] of Object.entries(shape)) {
    // An empty value (a form's "Any" choice) means the parameter is absent.
    const raw = params.getAll(name).filter((v) => v !== "");
    const input = raw.length === 0 ? undefined : raw.join(",");
    const result = schema.safeParse(input);
    if (result.success) value[name] = result.data;
    else issues.push({ parameter: name, message: `invalid ${name}: ${result.error.issues[0]?.message ?? "rejected"}`, expected: describeExpected(schema) });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as { [K in keyof S]: z.output<S[K]> } };
}

/** Like parseParams, but drops each bad parameter and keeps going: pages show a notice instead of failing. */
export function parseParamsLenient<S extends ParamShape>(shape: S, params: URLSearchParams): { value: { [K in keyof S]: z.output<S[K]> }; issues: ParamIssue[] } {
  const cleaned = new URLSearchParams();
  const first = parseParams(shape, params);
  if (first.ok) return { value: first.value, issues: [] };
  const rejected = new Set(first.issues.map((i) => i.parameter));
  for (const [k, v] of params) if (!rejected.has(k)) cleaned.append(k, v);
  const second = parseParams(shape, cleaned);
  if (!second.ok) throw new Error(`parameter defaults do not parse: ${second.issues.map((i) => i.message).join("; ")}`);
  return { value: second.value, issues: first.issues };
}

/** The expectation in words, from the schema's JSON Schema (the same text the OpenAPI document shows). */
export function describeExpected(schema: z.ZodType): string {
  if (schema.description) return schema.description;
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { enum?: unknown[]; pattern?: string; type?: string };
  if (json.enum) return `one of ${json.enum.join(", ")}`;
  if (json.pattern) return `a string matching ${json.pattern}`;
  return json.type ? `a ${json.type}` : "a valid value";
}

// Reusable parameter schemas: strings in, typed values out, each described for errors and the OpenAPI document.
export const intParam = (min: number, max: number, fallback: number) =>
  z.string().regex(/^\d+$/, "expected a whole number").optional()
    .transform((s) => (s === undefined ? fallback : Number(s)))
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .describe(`a whole number from ${min} to ${max} (default ${fallback})`);

export const enumParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join(", ")}` }).optional().describe(`one of ${values.join(", ")}`);

export const enumDefault = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.enum(values, { error: `expected one of ${values.join(", ")}` }).default(fallback as never).describe(`one of ${values.join(", ")} (default ${fallback})`);

export const listParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().optional()
    .transform((s) => (s ? s.split(",").map((v) => v.trim()).filter(Boolean) : []))
    .pipe(z.array(z.enum(values, { error: `expected a comma-separated list of ${values.join(", ")}` })).max(values.length * 2))
    .describe(`a comma-separated list of ${values.join(", ")}`);

export const slugListParam = (max: number) =>
  z.string().optional()
    .transform((s) => (s ? s.split(",").map((v) => v.trim()).filter(Boolean) : []))
    .pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, "expected lower-case ids (a-z, 0-9, _ . -)")).max(max, `at most ${max} values`))
    .describe(`a comma-separated list of up to ${max} lower-case ids`);

export const boolParam = () =>
  z.enum(["true", "false"], { error: "expected true or false" }).optional()
    .transform((v) => (v === undefined ? undefined : v === "true"))
    .describe("true or false");

export const dateParam = () =>
  z.iso.date({ error: "expected a date as YYYY-MM-DD" }).optional().describe("a date, YYYY-MM-DD (UTC)");
