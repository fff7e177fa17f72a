import { it } from "vitest";
import { runProbe } from "../index";
import { startMcpFixture } from "./fixtures/mcp-fixture";

it("smoke", async () => {
  const fx = await startMcpFixture({ echoTrace: true });
  const r = await runProbe({
    target: { kind: "http", url: fx.url() },
    credential: { kind: "none" },
    secrets: { get: () => undefined },
    calls: [{ tool: "echo", arguments: { message: "hi" }, expect: "success", readOnly: true }, { tool: "fail", arguments: {}, expect: "success", readOnly: true }, { tool: "reject", arguments: {}, expect: "success", readOnly: true }],
    addressPolicy: { allowPrivate: false, allowHosts: ["127.0.0.1"] },
  });
  console.log(JSON.stringify(r, null, 1).slice(0, 9000));
  console.log("sessions", fx.openSessions(), fx.handled);
  await fx.close();
});
