import { runService } from '@cinegraph/service-kit';
import { loadNotificationsConfig } from './config.ts';
import { createNotificationsService } from './createNotificationsService.ts';

await runService(async () => createNotificationsService(loadNotificationsConfig(process.env)));
