/** @module Command-line flags of `sentinel-gateway`. */
import { parseArgs } from 'node:util';
import { DEFAULT_DB_PATH, DEFAULT_HOST, DEFAULT_PORT } from './server.js';

/** Parsed command line. */
export interface CliOptions {
  port: number;
  host: string;
  db: string;
  apiKey: string | undefined;
  repos: string[] | undefined;
  help: boolean;
}

/** The command line cannot be used; the message says why. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Help text printed by `--help` and after a usage error. */
export const USAGE = `Usage: sentinel-gateway [options]

Receives Sentinel SDK reports, stores them in SQLite and shows them at http://<host>:<port>/.

Options:
  --port <n>          TCP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>       interface to bind (default ${DEFAULT_HOST}, loopback only)
  --db <file>         SQLite database (default ${DEFAULT_DB_PATH})
  --api-key <key>     key SDKs must send; without it one is generated and kept in the database
  --repos <list>      comma-separated owner/repo allowlist; other repositories get 403
  -h, --help          show this help
`;

const GITHUB_REPO = /^[\w.-]+\/[\w.-]+$/;

/**
 * Parses the arguments after the script name.
 *
 * @param argv - e.g. `process.argv.slice(2)`
 * @returns the options with defaults applied
 * @throws UsageError on unknown flags or invalid values
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'api-key': { type: 'string' },
        repos: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65_535) {
    throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  }
  if (values['api-key'] !== undefined && values['api-key'].trim() === '') {
    throw new UsageError('--api-key must not be empty');
  }
  const repos = values.repos?.split(',').map((repo) => repo.trim()).filter((repo) => repo !== '');
  const badRepo = repos?.find((repo) => !GITHUB_REPO.test(repo));
  if (badRepo !== undefined) throw new UsageError(`--repos entries must look like owner/repo, got "${badRepo}"`);
  if (repos?.length === 0) throw new UsageError('--repos must name at least one owner/repo');
  return {
    port,
    host: values.host ?? DEFAULT_HOST,
    db: values.db ?? DEFAULT_DB_PATH,
    apiKey: values['api-key'],
    repos,
    help: values.help ?? false,
  };
}
