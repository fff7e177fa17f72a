-- CreateIndex
CREATE INDEX "probe_run_source_service_id_started_at_idx" ON "probe_run"("source", "service_id", "started_at" DESC);
