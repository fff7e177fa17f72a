// kensa scan — probe one MCP server now and print its report (or a kensa.scan/v1 document with --json).
// Exit 0 when the scan completed, whatever it found; 1 when --fail-under is not met; 2 for bad usage.
import { randomUUID } from "node:crypto";
import { classifyRun, gradeRank, type Grade, type ProbeRunRecord } from "@kensa/core";
import { envSecretSource, runProbe } from "@kensa/probe";
import type { Command } from "../command";
import { namedVariables } from "../config";
import { gradeScan } from "../scan/grade-scan";
import { parseScanArgs, scanUsage } from "../scan/scan-args";
import { renderReport } from "../scan/render-report";
import { scanDocument } from "../scan/scan-document";

export const scanCommand: Command = {
  name: "scan",
  summary: "probe one MCP server now and print its grade, findings and error classes",
  usage: scanUsage,
  async run(argv) {
    const request = parseScanArgs(argv, namedVariables());
    const timeout = request.timeoutMs;
    const result = await runProbe({
      target: request.target,
      credential: request.credential,
      secrets: envSecretSource(namedVariables()),
      calls: request.calls,
      rounds: request.rounds,
      checks: request.checks,
      headers: request.headers,
      eras: request.eras,
      addressPolicy: { allowPrivate: request.allowPrivate, allowHosts: request.allowHosts },
      limits: { ...(timeout ? { requestTimeoutMs: timeout, connectTimeoutMs: Math.min(timeout, 5_000) } : {}), deadlineMs: request.deadlineMs },
      ...(request.serverJsonUrl ? { registry: { serverJsonUrl: request.serverJsonUrl } } : {}),
    });
    const run: ProbeRunRecord = classifyRun({
      ...result,
      id: randomUUID(),
      idempotencyKey: `scan:${result.traceId}`,
      serviceId: "scan",
      trigger: "scan",
      source: "live",
    });
    const doc = scanDocument(request.display, run, gradeScan(run, { dummyConfig: request.dummyConfig }));
    console.log(request.json ? JSON.stringify(doc, null, 2) : renderReport(doc));
    return failUnderMet(doc.grade, request.failUnder) ? 0 : 1;
  },
};

function failUnderMet(grade: Grade | null, threshold: Grade | undefined): boolean {
  if (threshold === undefined) return true;
  if (grade === null) {
    console.error(`kensa scan: --fail-under ${threshold}: the scan has no grade to compare`);
    return false;
  }
  return gradeRank(grade) <= gradeRank(threshold);
}
