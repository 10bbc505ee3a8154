import { runService } from '@cinegraph/service-kit';
import { loadBookingsConfig } from './config.ts';
import { createBookingsService } from './createBookingsService.ts';

await runService(async () => createBookingsService(loadBookingsConfig(process.env)));
