import { runService } from '@cinegraph/service-kit';
import { loadWatchlistsConfig } from './config.ts';
import { createWatchlistsService } from './createWatchlistsService.ts';

await runService(async () => createWatchlistsService(loadWatchlistsConfig(process.env)));
