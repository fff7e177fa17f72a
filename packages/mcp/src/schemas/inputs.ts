// Argument schemas shared by the tools. Each rejection message names what would have been accepted: the SDK
// turns a failed parse into a tool error (isError) reading "<argument>: <message>".
import { z } from "zod";

export const oneOf = (values: readonly (string | number)[]) => `expected one of ${values.join(", ")}`;

/** Service ids as the catalogue spells them (lower-case slugs). */
export const ServiceId = z
  .string({ error: "expected a service id (a string such as \"slack\")" })
  .min(1, "expected a service id such as \"slack\"")
  .max(100, "at most 100 characters: service ids are short slugs such as \"slack\"")
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "expected a lower-case service id (a-z, 0-9, _ . -) such as \"slack\"; call search_services to find ids");

export const enumList = <T extends string>(values: readonly T[], what: string) =>
  z.array(z.enum(values as [T, ...T[]], { error: oneOf(values) }), { error: `expected a list of ${what}` }).max(values.length, `at most ${values.length} values`);
