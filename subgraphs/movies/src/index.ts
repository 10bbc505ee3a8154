import { runService } from '@cinegraph/service-kit';
import { loadMoviesConfig } from './config.ts';
import { createMoviesService } from './createMoviesService.ts';

await runService(async () => createMoviesService(loadMoviesConfig(process.env)));
