#!/usr/bin/env node
import { createServer, type ConfabServer } from './app.js';
import { ConfigError, helpText, loadConfig, parseCliArgs } from './config.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.js';
import { StartupError } from './errors.js';

async function main(argv: string[]): Promise<void> {
  let config;
  try {
    if (parseCliArgs(argv).help) {
      console.log(helpText());
      return;
    }
    config = loadConfig(argv, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`confab-server: ${error.message}`);
    process.exitCode = 2;
    return;
  }

  let server: ConfabServer;
  try {
    server = await createServer(config);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    console.error(`confab-server: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await server.close();
    console.error(`confab-server: port ${config.port} on ${config.host} is in use; choose another with --port or CONFAB_PORT.`);
    process.exitCode = 1;
    return;
  }
  if (config.demo) {
    const names = DEMO_USERS.map((user) => user.username).join(', ');
    console.log(`Demo users: ${names} (password: ${DEMO_PASSWORD}); alice and bob are friends.`);
  }
  // The last line: scripts and tests wait for it.
  console.log(`Confab is running at ${url}`);

  const shutdown = (signal: NodeJS.Signals): void => {
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error('confab-server failed to start:', error);
  process.exit(1);
});
