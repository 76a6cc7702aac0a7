#!/usr/bin/env node
/** @module `sentinel-gateway` command: start, print how to connect, stop cleanly on a signal. */
import { resolve } from 'node:path';
import { type CliOptions, parseCliArgs, USAGE, UsageError } from './cli-args.js';
import { type Gateway, startGateway } from './server.js';

function describeSetup(gateway: Gateway, options: CliOptions, dbPath: string): string {
  const apiKey = gateway.apiKeyGenerated ? gateway.apiKey : '<your --api-key>';
  const githubRepo = options.repos?.[0] ?? 'owner/repo';
  return [
    `Sentinel gateway listening on ${gateway.url}`,
    `  page      ${gateway.url}/`,
    `  database  ${dbPath}`,
    `  accepts   ${options.repos ? options.repos.join(', ') : 'any repository'}`,
    gateway.apiKeyGenerated
      ? `  API key   ${gateway.apiKey} (generated; kept in the database, reused on restart)`
      : '  API key   from --api-key',
    '',
    'Paste into your service:',
    '',
    `  import { configure, installHook } from 'sentinel-sdk'; ` +
      `configure({ apiKey: '${apiKey}', githubRepo: '${githubRepo}', gatewayUrl: '${gateway.url}' });`,
    '  installHook();',
    '',
    'Stop with Ctrl-C.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sentinel-gateway: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const dbPath = resolve(options.db);
  const gateway = await startGateway({
    dbPath,
    port: options.port,
    host: options.host,
    apiKey: options.apiKey,
    repos: options.repos,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`sentinel-gateway: ${signal} again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`\n${signal} received: finishing in-flight requests…\n`);
    gateway.close().then(
      () => process.stdout.write('Stopped; database closed.\n'),
      (error: unknown) => {
        process.stderr.write(`sentinel-gateway: shutdown failed: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Printed last: whoever waits for this output may signal the process right away.
  process.stdout.write(describeSetup(gateway, options, dbPath));
}

main().catch((error: unknown) => {
  process.stderr.write(`sentinel-gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
