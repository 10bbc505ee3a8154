import { runService } from '@cinegraph/service-kit';
import { loadRecommendationsConfig } from './config.ts';
import { createRecommendationsService } from './createRecommendationsService.ts';

await runService(async () => createRecommendationsService(loadRecommendationsConfig(process.env)));
