// kensa start — the whole embedded system. Until the workers and dashboard land it says what is missing.
import type { Command } from "../command";

export const startCommand: Command = {
  name: "start",
  summary: "run everything on this machine: sandbox fleet, scheduler, workers, dashboard",
  usage: "kensa start",
  async run() {
    console.error(
      [
        "kensa start: not built yet. What exists today:",
        "  - the data layer (PGlite in ./.kensa or PostgreSQL via DATABASE_URL): kensa db status",
        "Still to come: the probe engine (kensa scan), the sandbox fleet, workers and the dashboard.",
      ].join("\n"),
    );
    return 1;
  },
};
