-- AlterTable
ALTER TABLE "known_showtimes" ADD COLUMN     "city" TEXT;
