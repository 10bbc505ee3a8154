import { pageSize, toConnection } from '@cinegraph/service-kit';
import type { ReviewConnectionModel, ReviewsLoaders } from '../context.ts';
import type { PageRequest } from '../reviews/reviewPages.ts';
import { orderings, parseAfter } from '../reviews/reviewPages.ts';
import type { MovieReviewsArgs } from '../schema.types.generated.ts';

/** A page of a movie's or an author's reviews, batched with the same page of its siblings. */
export async function reviewConnection(
  loaders: ReviewsLoaders,
  parent: PageRequest['parent'],
  parentId: string,
  args: MovieReviewsArgs,
  countTotal: () => Promise<number>,
): Promise<ReviewConnectionModel> {
  const size = pageSize(args.first);
  const orderBy = args.orderBy ?? 'NEWEST';
  const after = args.after ?? null;
  parseAfter(after, orderBy);
  const rows = await loaders.reviewPage.load({
    parent,
    parentId,
    limit: size + 1,
    after,
    orderBy,
  });
  return {
    ...toConnection(rows, size, orderings[orderBy].cursorOf, after !== null),
    countTotal,
  };
}
