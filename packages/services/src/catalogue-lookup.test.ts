import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceFromCatalogue, syncServices, type Database } from "@kensa/db";
import { openTestPgliteDatabase } from "@kensa/testkit";
import { loadCatalogue } from "@kensa/catalogue";
import { databaseCatalogueLookup } from "./catalogue-lookup";

describe("workers read catalogue entries from the service table", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("sees a service added, changed or removed after the worker started", async () => {
    const catalogue = await loadCatalogue();
    const freee = catalogue.byId.get("freee")!;
    const lookup = databaseCatalogueLookup(db);
    expect(await lookup("freee")).toBeUndefined();

    await syncServices(db, [serviceFromCatalogue(freee, "h1")]);
    expect((await lookup("freee"))?.intervalSec).toBe(freee.intervalSec);

    await syncServices(db, [serviceFromCatalogue({ ...freee, intervalSec: 3600 }, "h2")]);
    expect((await lookup("freee"))?.intervalSec).toBe(3600);

    await syncServices(db, [serviceFromCatalogue(catalogue.byId.get("slack")!, "h3")]); // freee leaves the catalogue
    expect(await lookup("freee")).toBeUndefined();
    expect((await lookup("slack"))?.id).toBe("slack");
  });
});
