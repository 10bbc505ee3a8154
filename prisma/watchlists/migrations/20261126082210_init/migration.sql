-- CreateTable
CREATE TABLE "watchlist_items" (
    "user_id" UUID NOT NULL,
    "movie_id" UUID NOT NULL,
    "note" TEXT,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "watched_at" TIMESTAMPTZ(3),

    CONSTRAINT "watchlist_items_pkey" PRIMARY KEY ("user_id","movie_id")
);

-- CreateTable
CREATE TABLE "known_movies" (
    "movie_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "known_movies_pkey" PRIMARY KEY ("movie_id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "event_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "watchlist_items_user_id_added_at_movie_id_idx" ON "watchlist_items"("user_id", "added_at" DESC, "movie_id" DESC);

-- CreateIndex
CREATE INDEX "watchlist_items_movie_id_idx" ON "watchlist_items"("movie_id");
