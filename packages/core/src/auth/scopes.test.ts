import { describe, expect, it } from "vitest";
import { scopeAllows, TokenScope } from "./scopes";

describe("token scopes", () => {
  it.each<[string[], "reprobe" | "catalogue" | "report", string, boolean]>([
    [["reprobe:freee"], "reprobe", "freee", true],
    [["reprobe:freee"], "reprobe", "slack", false],
    [["reprobe:*"], "reprobe", "slack", true],
    [["reprobe:*"], "catalogue", "slack", false],
    [["admin"], "catalogue", "anything", true],
    [[], "reprobe", "freee", false],
    [["report"], "report", "slack", true],
    [["report"], "reprobe", "slack", false],
    [["reprobe:*"], "report", "slack", false],
  ])("%j allows %s on %s: %s", (scopes, action, target, allowed) => {
    expect(scopeAllows(scopes, action, target)).toBe(allowed);
  });

  it.each(["reprobe:freee", "reprobe:*", "catalogue:money-forward", "admin", "report"])("accepts %s", (s) => expect(TokenScope.safeParse(s).success).toBe(true));
  it.each(["reprobe", "reprobe:", "delete:*", "reprobe:Freee", "admin:*", "reprobe:a b", "report:", "reports", "Report"])("rejects %s", (s) => expect(TokenScope.safeParse(s).success).toBe(false));
});
