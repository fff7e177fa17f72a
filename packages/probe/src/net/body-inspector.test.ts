import { expect, it } from "vitest";
import { BodyInspector, type BodyBounds } from "./body-inspector";

const bounds: BodyBounds = { maxBytes: 1_000, maxDepth: 3, maxEvents: 2, eventStream: false, structured: true, keepBytes: 8 };

it("counts depth outside strings only", () => {
  expect(new BodyInspector(bounds).push(Buffer.from('{"a":"[[[[[[","b":[[1]]}'))).toBeUndefined();
  expect(new BodyInspector(bounds).push(Buffer.from('{"a":[[[1]]]}'))?.violation).toBe("too-deep");
  expect(new BodyInspector(bounds).push(Buffer.from('{"a":"\\"[[[[","b":1}'))).toBeUndefined();
});

it("validates UTF-8 across chunk boundaries", () => {
  const ok = new BodyInspector(bounds);
  const snow = Buffer.from('"☃"');
  expect(ok.push(snow.subarray(0, 2))).toBeUndefined();
  expect(ok.push(snow.subarray(2))).toBeUndefined();
  expect(ok.finish()).toBeUndefined();
  const cut = new BodyInspector(bounds);
  expect(cut.push(snow.subarray(0, 2))).toBeUndefined();
  expect(cut.finish()?.violation).toBe("invalid-utf8");
});

it("counts events but not comments, and resets depth per event", () => {
  const sse = new BodyInspector({ ...bounds, eventStream: true });
  expect(sse.push(Buffer.from(": ping\n\n: ping\n\ndata: [[[\n\ndata: [[[\n\n"))).toBeUndefined();
  expect(sse.events).toBe(2);
  expect(sse.push(Buffer.from("data: {}\r\n\r\n"))?.violation).toBe("too-many-events");
});

it("keeps only the head of the body for evidence", () => {
  const inspector = new BodyInspector({ ...bounds, structured: false });
  inspector.push(Buffer.from("0123456789abcdef"));
  expect(inspector.head()).toEqual({ text: "01234567", truncated: true });
  expect(inspector.push(Buffer.alloc(2_000))?.violation).toBe("too-large");
});
