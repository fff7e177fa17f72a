// get_methodology: how Kensa grades — the version, axes and weights, grade bands and evidence floors; the
// full document is the kensa://methodology resource.
import { axisLabels, AxisName, axisWeights, DataSource, dataSourceOrder, gradeBands, Grade, METHODOLOGY_VERSION } from "@kensa/core";
import { z } from "zod";
import { methodologyUri } from "../resources/methodology";
import { sourceSentence } from "../schemas/source-label";
import { defineTool, readOnly } from "../tool-registration";

export const GetMethodologyInput = z.strictObject({});

export const GetMethodologyOutput = z.object({
  version: z.string().describe("the methodology version grades are computed with"),
  axes: z.array(z.object({ name: AxisName, label: z.string(), weight: z.number().describe("percent of the total score") })),
  bands: z.array(z.object({ grade: Grade, minScore: z.number() })).describe("grade bands, best first"),
  evidenceLabels: z.object({ observed: z.string(), declared: z.string(), not_tested: z.string() }),
  dataSources: z.record(DataSource, z.string()).describe("what each data-source label means"),
  document: z.object({ uri: z.string().describe("MCP resource with the full methodology (markdown)"), page: z.string().describe("the dashboard's methodology page") }),
});

export const getMethodologyTool = defineTool({
  name: "get_methodology",
  title: "Get the grading methodology",
  description:
    "How Kensa grades MCP readiness: methodology version, the five axes and their weights, grade bands (AAA ≥ 90 … D), what the evidence labels "
    + "observed/declared/not tested and the data sources mean. The full document is the kensa://methodology resource.",
  input: GetMethodologyInput,
  output: GetMethodologyOutput,
  annotations: readOnly,
  async run(_args, { link }) {
    const value = {
      version: METHODOLOGY_VERSION,
      axes: AxisName.options.map((name) => ({ name, label: axisLabels[name], weight: axisWeights[name] })),
      bands: gradeBands.map((b) => ({ grade: b.grade, minScore: b.minScore })),
      evidenceLabels: {
        observed: "measured by Kensa's probes against the server",
        declared: "taken from the catalogue's facts, each with a source URL",
        not_tested: "no evidence: left out of the score, its weight moved to tested axes",
      },
      dataSources: Object.fromEntries(dataSourceOrder.map((s) => [s, sourceSentence(s)])) as Record<DataSource, string>,
      document: { uri: methodologyUri, page: link("/methodology") },
    };
    const text = [
      `Kensa methodology ${value.version}.`,
      `Axes: ${value.axes.map((a) => `${a.label} ${a.weight}%`).join(", ")}.`,
      `Bands: ${value.bands.map((b) => `${b.grade} ≥ ${b.minScore}`).join(", ")}.`,
      `Full document: ${methodologyUri} (resource) or ${value.document.page}.`,
    ].join("\n");
    return { ok: true, value, text };
  },
});
