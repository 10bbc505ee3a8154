-- CreateEnum
CREATE TYPE "SignalKind" AS ENUM ('RATED', 'WATCHLISTED', 'WATCHED', 'BOOKED');

-- CreateTable
CREATE TABLE "movies" (
    "movie_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "movies_pkey" PRIMARY KEY ("movie_id")
);

-- CreateTable
CREATE TABLE "movie_features" (
    "movie_id" UUID NOT NULL,
    "feature" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "movie_features_pkey" PRIMARY KEY ("movie_id","feature")
);

-- CreateTable
CREATE TABLE "signals" (
    "user_id" UUID NOT NULL,
    "movie_id" UUID NOT NULL,
    "kind" "SignalKind" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "city" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "signals_pkey" PRIMARY KEY ("user_id","movie_id","kind")
);

-- CreateTable
CREATE TABLE "similarities" (
    "movie_id" UUID NOT NULL,
    "similar_id" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "content_score" DOUBLE PRECISION NOT NULL,
    "co_score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "similarities_pkey" PRIMARY KEY ("movie_id","similar_id")
);

-- CreateTable
CREATE TABLE "worker_leases" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_leases_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "event_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "movie_features_feature_idx" ON "movie_features"("feature");

-- CreateIndex
CREATE INDEX "signals_movie_id_idx" ON "signals"("movie_id");

-- CreateIndex
CREATE INDEX "signals_occurred_at_idx" ON "signals"("occurred_at");

-- CreateIndex
CREATE INDEX "similarities_movie_id_score_idx" ON "similarities"("movie_id", "score" DESC);

-- AddForeignKey
ALTER TABLE "movie_features" ADD CONSTRAINT "movie_features_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("movie_id") ON DELETE CASCADE ON UPDATE CASCADE;

