import { badInput } from '@cinegraph/service-kit';
import type { UpdateReviewInput } from '../schema.types.generated.ts';

export const MAX_TITLE_LENGTH = 120;
export const MAX_BODY_LENGTH = 10_000;

/** Characters as people count them (code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

/**
 * Checks the fields a review write gives (UpdateReviewInput's; a CreateReviewInput has
 * them too) (an update may give some). Text is kept exactly as written:
 * it is never trimmed, escaped or interpreted as HTML here; clients escape it to render.
 */
export function validateReviewFields(fields: UpdateReviewInput): void {
  const { rating, title, body, containsSpoilers } = fields;
  if (
    rating !== undefined &&
    (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 10)
  )
    throw badInput('"rating" must be a whole number from 1 to 10.', 'rating');
  if (title != null && length(title) > MAX_TITLE_LENGTH)
    throw badInput(`"title" must be at most ${MAX_TITLE_LENGTH} characters.`, 'title');
  if (body !== undefined) {
    if (body === null || body.trim() === '') throw badInput('"body" must not be empty.', 'body');
    if (length(body) > MAX_BODY_LENGTH)
      throw badInput(`"body" must be at most ${MAX_BODY_LENGTH} characters.`, 'body');
  }
  if (containsSpoilers === null)
    throw badInput('"containsSpoilers" must be true or false.', 'containsSpoilers');
}
