import closeWithGrace from 'close-with-grace';
import { ConfigError } from './config.ts';
import type { Service } from './createService.ts';

export interface Runnable {
  /** The process's service (its GraphQL context type aside). */
  service: Omit<Service, 'apollo'>;
  port: number;
  host: string;
}

/**
 * The body of every process's `main`: build, listen, print where, and on SIGTERM/SIGINT
 * drain and close (a second signal, or 10 s, forces the exit). A configuration error
 * stops the process with its message and exit code 1, without a stack trace.
 */
export async function runService(build: () => Promise<Runnable>): Promise<void> {
  let runnable: Runnable;
  try {
    runnable = await build();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { service, port, host } = runnable;
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) service.app.log.error({ err }, 'fatal error, shutting down');
    else service.app.log.info({ signal }, 'shutting down');
    await service.close();
  });
  const url = await service.listen(port, host);
  service.app.log.info({ url: `${url}/graphql` }, 'ready to serve');
}
