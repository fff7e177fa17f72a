import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceFromCatalogue, syncServices, type Database } from "@kensa/db";
import { openTestPgliteDatabase } from "@kensa/testkit";
import { databaseCatalogueLookup } from "../runtime/catalogue-lookup";
import { subsetCatalogue } from "./support/runtime";

describe("workers read catalogue entries from the service table", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("sees a service added, changed or removed after the worker started", async () => {
    const catalogue = await subsetCatalogue(["freee", "slack"]);
    const freee = catalogue.byId.get("freee")!;
    const lookup = databaseCatalogueLookup(db);
    expect(await lookup("freee")).toBeUndefined();

    await syncServices(db.prisma, [serviceFromCatalogue(freee, "h1")]);
    expect((await lookup("freee"))?.intervalSec).toBe(freee.intervalSec);

    await syncServices(db.prisma, [serviceFromCatalogue({ ...freee, intervalSec: 3600 }, "h2")]);
    expect((await lookup("freee"))?.intervalSec).toBe(3600);

    await syncServices(db.prisma, [serviceFromCatalogue(catalogue.byId.get("slack")!, "h3")]); // freee leaves the catalogue
    expect(await lookup("freee")).toBeUndefined();
    expect((await lookup("slack"))?.id).toBe("slack");
  });
});
