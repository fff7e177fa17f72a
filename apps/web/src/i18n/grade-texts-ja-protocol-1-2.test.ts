import { describe, expect, it } from "vitest";
import { protocolItemIds12 } from "@kensa/core";
import { protocolItemTextsJa12 } from "./grade-texts-ja-protocol-1-2";

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("Japanese texts for the methodology 1.2 protocol items", () => {
  it("names and fixes every item in Japanese", () => {
    for (const id of protocolItemIds12) {
      expect(protocolItemTextsJa12[id].name, id).toMatch(/\S/);
      expect(protocolItemTextsJa12[id].fix, id).toMatch(japanese);
    }
  });
});
