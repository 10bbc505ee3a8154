import { runService } from '@cinegraph/service-kit';
import { loadReviewsConfig } from './config.ts';
import { createReviewsService } from './createReviewsService.ts';

await runService(async () => createReviewsService(loadReviewsConfig(process.env)));
