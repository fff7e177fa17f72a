// compare_services: two to five services side by side (each as get_service reports it, axes by name).
import { z } from "zod";
import { ServiceId } from "../schemas/inputs";
import { serviceReport, ServiceReport } from "../schemas/service";
import { SourceLabel, sourceLabel } from "../schemas/source-label";
import { defineTool, readOnly } from "../tool-registration";
import { unknownService } from "./get-service";

export const compareLimits = { min: 2, max: 5 } as const;

export const CompareServicesInput = z.strictObject({
  ids: z.array(ServiceId, { error: "expected a list of service ids" })
    .min(compareLimits.min, `give at least ${compareLimits.min} service ids`)
    .max(compareLimits.max, `give at most ${compareLimits.max} service ids`)
    .refine((ids) => new Set(ids).size === ids.length, "each service id at most once")
    .describe(`${compareLimits.min} to ${compareLimits.max} distinct service ids, e.g. ["slack", "chatwork"] (search_services lists ids).`),
});

export const CompareServicesOutput = z.object({
  services: z.array(ServiceReport).describe("in the order asked"),
  best: z.string().nullable().describe("id of the service with the highest score; null when none is graded"),
  dataSource: SourceLabel.describe("label of every figure compared, combined"),
});

export const compareServicesTool = defineTool({
  name: "compare_services",
  title: "Compare services",
  description:
    "Compare 2 to 5 SaaS services' MCP readiness side by side: grade, score before and after caps, axes with evidence labels, caps, "
    + "success rate and latency over 30 days, and each one's data-source label.",
  input: CompareServicesInput,
  output: CompareServicesOutput,
  annotations: readOnly,
  async run({ ids }, context) {
    const found = await Promise.all(ids.map((id) => context.reads.service(id)));
    const missing = ids.findIndex((_, i) => found[i] === null);
    if (missing >= 0) return { ok: false, problem: await unknownService(`ids[${missing}]`, ids[missing]!, context) };
    const services = found.map((f) => serviceReport(f!, context.link));
    const graded = services.filter((s) => s.grade !== null).sort((a, b) => b.grade!.score - a.grade!.score);
    const value = { services, best: graded[0]?.id ?? null, dataSource: sourceLabel(...services.map((s) => s.dataSource.source)) };
    const lines = services.map((s) => `${s.id}: ${s.grade ? `${s.grade.grade} ${s.grade.score.toFixed(1)}` : "ungraded"}; ${s.axes.map((a) => `${a.name} ${a.score === null ? "—" : a.score.toFixed(0)} [${a.evidence}]`).join(", ")}`);
    return { ok: true, value, text: [...lines, `Data source: ${value.dataSource.label}.`].join("\n") };
  },
});
