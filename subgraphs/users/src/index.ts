import { runService } from '@cinegraph/service-kit';
import { loadUsersConfig } from './config.ts';
import { createUsersService } from './createUsersService.ts';

await runService(async () => createUsersService(loadUsersConfig(process.env)));
