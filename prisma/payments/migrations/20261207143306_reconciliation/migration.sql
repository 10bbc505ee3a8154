-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "next_reconciliation_at" TIMESTAMPTZ(3),
ADD COLUMN     "reconciliation_attempts" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "worker_leases" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_leases_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "payments_status_created_at_idx" ON "payments"("status", "created_at");
