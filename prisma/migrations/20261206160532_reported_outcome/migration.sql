-- CreateTable
CREATE TABLE "reported_outcome" (
    "id" BIGSERIAL NOT NULL,
    "reporter_token_id" UUID NOT NULL,
    "report_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "latency_ms" INTEGER NOT NULL,
    "error_class" TEXT,
    "protocol_era" TEXT,
    "method" TEXT,
    "workaround" TEXT,
    "channel" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reported_outcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reported_outcome_service_id_received_at_idx" ON "reported_outcome"("service_id", "received_at" DESC);

-- CreateIndex
CREATE INDEX "reported_outcome_reporter_token_id_received_at_idx" ON "reported_outcome"("reporter_token_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "reported_outcome_reporter_token_id_report_id_key" ON "reported_outcome"("reporter_token_id", "report_id");

-- AddForeignKey
ALTER TABLE "reported_outcome" ADD CONSTRAINT "reported_outcome_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
