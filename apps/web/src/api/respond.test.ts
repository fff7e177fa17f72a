import { describe, expect, it } from "vitest";
import { httpStatusForCode } from "@kensa/core";
import { badRequest, errorResponse, failure, notFound } from "./respond";
import { ApiErrorBody, type ApiErrorCode } from "./schemas";

const codes = ApiErrorBody.shape.error.shape.code.options as ApiErrorCode[];

describe("API error responses", () => {
  it.each(codes)("answer %s with core's status for it, a no-store JSON body naming the code", async (code) => {
    const res = errorResponse({ code, message: "what was wrong" });
    expect(res.status).toBe(httpStatusForCode[code]);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(ApiErrorBody.parse(await res.json()).error).toEqual({ code, message: "what was wrong" });
  });

  it("keep the headers a client must read, and the fields beside the error", async () => {
    const res = errorResponse({ code: "rate_limited", message: "later" }, { headers: { "Retry-After": "42" }, extra: { issues: [] } });
    expect([res.status, res.headers.get("retry-after")]).toEqual([429, "42"]);
    expect(await res.json()).toEqual({ error: { code: "rate_limited", message: "later" }, issues: [] });
  });

  it("name the rejected parameter (400), the unknown id (404, cacheable) and hide our own failures (500/503)", async () => {
    const rejected = badRequest([{ parameter: "limit", message: "invalid limit", expected: "1..100" }]);
    expect([rejected.status, (await rejected.json()).error.parameter]).toEqual([400, "limit"]);
    const missing = notFound("no such service");
    expect([missing.status, missing.headers.get("cache-control")]).toEqual([404, "public, max-age=60"]);
    const quiet = console.error;
    console.error = () => {};
    try {
      const internal = failure(new Error("connection string postgresql://secret@db"));
      expect([internal.status, JSON.stringify(await internal.json())]).toEqual([500, JSON.stringify({ error: { code: "internal", message: "internal error" } })]);
      expect(failure(Object.assign(new Error("db down"), { code: "unavailable" })).status).toBe(503);
    } finally {
      console.error = quiet;
    }
  });
});
