-- CreateTable
CREATE TABLE "service" (
    "id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ja" TEXT,
    "vendor" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "auth_method" TEXT NOT NULL,
    "catalogue" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "probe_run" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "worker_id" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "step_count" INTEGER NOT NULL,
    "failed_count" INTEGER NOT NULL,
    "protocol_version" TEXT,
    "tools_hash" TEXT,
    "trace_id" TEXT,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "probe_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "probe_step" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "service_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "latency_ms" DOUBLE PRECISION NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "error_class" TEXT,
    "fault" TEXT,
    "confidence" TEXT,
    "http_status" INTEGER,
    "rpc_code" INTEGER,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "trace_id" TEXT,

    CONSTRAINT "probe_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_rollup" (
    "service_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "path" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "runs" INTEGER NOT NULL,
    "calls" INTEGER NOT NULL,
    "successes" INTEGER NOT NULL,
    "vendor_failures" INTEGER NOT NULL,
    "client_failures" INTEGER NOT NULL,
    "intermediary_failures" INTEGER NOT NULL,
    "error_counts" JSONB NOT NULL,
    "p50_ms" DOUBLE PRECISION,
    "p95_ms" DOUBLE PRECISION,
    "p99_ms" DOUBLE PRECISION,
    "latency_histogram" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "daily_rollup_pkey" PRIMARY KEY ("service_id","day","path")
);

-- CreateTable
CREATE TABLE "grade_snapshot" (
    "id" UUID NOT NULL,
    "service_id" TEXT NOT NULL,
    "methodology_version" TEXT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "window_from" TIMESTAMPTZ(3) NOT NULL,
    "window_to" TIMESTAMPTZ(3) NOT NULL,
    "grade" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "score_before_caps" DOUBLE PRECISION NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "axes" JSONB NOT NULL,
    "caps" JSONB NOT NULL,
    "fixes" JSONB NOT NULL,
    "inputs" JSONB NOT NULL,
    "inputs_hash" TEXT NOT NULL,

    CONSTRAINT "grade_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "trace_id" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_category_idx" ON "service"("category");

-- CreateIndex
CREATE UNIQUE INDEX "probe_run_idempotency_key_key" ON "probe_run"("idempotency_key");

-- CreateIndex
CREATE INDEX "probe_run_service_id_started_at_idx" ON "probe_run"("service_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "probe_run_started_at_idx" ON "probe_run"("started_at");

-- CreateIndex
CREATE INDEX "probe_step_service_id_started_at_idx" ON "probe_step"("service_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "probe_step_started_at_idx" ON "probe_step"("started_at");

-- CreateIndex
CREATE UNIQUE INDEX "probe_step_run_id_seq_key" ON "probe_step"("run_id", "seq");

-- CreateIndex
CREATE INDEX "daily_rollup_day_idx" ON "daily_rollup"("day");

-- CreateIndex
CREATE INDEX "grade_snapshot_service_id_computed_at_idx" ON "grade_snapshot"("service_id", "computed_at" DESC);

-- CreateIndex
CREATE INDEX "grade_snapshot_computed_at_idx" ON "grade_snapshot"("computed_at");

-- CreateIndex
CREATE UNIQUE INDEX "grade_snapshot_service_id_methodology_version_inputs_hash_key" ON "grade_snapshot"("service_id", "methodology_version", "inputs_hash");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "audit_event_target_at_idx" ON "audit_event"("target", "at");

-- CreateIndex
CREATE INDEX "audit_event_action_at_idx" ON "audit_event"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- AddForeignKey
ALTER TABLE "probe_run" ADD CONSTRAINT "probe_run_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "probe_step" ADD CONSTRAINT "probe_step_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "probe_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_rollup" ADD CONSTRAINT "daily_rollup_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grade_snapshot" ADD CONSTRAINT "grade_snapshot_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
