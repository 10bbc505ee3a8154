import { runService } from '@cinegraph/service-kit';
import { loadPaymentsConfig } from './config.ts';
import { createPaymentsService } from './createPaymentsService.ts';

await runService(async () => createPaymentsService(loadPaymentsConfig(process.env)));
