-- AlterTable
ALTER TABLE "daily_rollup" ADD COLUMN     "credential_expired" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "credential_refreshes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "inferred_errors" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "structured_errors" INTEGER NOT NULL DEFAULT 0;
