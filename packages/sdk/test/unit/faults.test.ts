import { execFileSync } from 'node:child_process';
import * as https from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../src/utils/load-builtin';
import { createHttpSend, type Send } from '../../src/transport/http-send';
import { createLogger } from '../../src/logger';
import { createDropTally } from '../../src/transport/drop-tally';
import { createTransport } from '../../src/transport/transport';

const options = { apiKey: 'sekret-key-123', timeoutMs: 1000, maxRetries: 1, retryBackoffBaseMs: 5, maxQueueSize: 100 };

function transportWith(send: Send, endpointUrl: string, warnings: string[]) {
  const logger = createLogger(options.apiKey, (line) => warnings.push(line));
  return createTransport({ ...options, endpointUrl }, logger, send, createDropTally(logger));
}

describe('gateway faults', () => {
  let dir: string;
  let server: https.Server;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sentinel-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.writeHead(201).end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/exceptions`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a TLS failure (untrusted certificate) is retried, then warned about once as TLS', async () => {
    const warnings: string[] = [];
    const transport = transportWith(createHttpSend(loadBuiltin), url, warnings);
    const results = await Promise.all([transport.enqueue('{}'), transport.enqueue('{}')]);
    expect(results.every((r) => r.outcome === 'failed')).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TLS failure .*SELF_SIGNED/);
  });

  // DNS cannot be served from loopback, so the failure is injected at the network primitive.
  it('a DNS failure is retried, then warned about as DNS', async () => {
    const warnings: string[] = [];
    let calls = 0;
    const failingLookup: Send = () => {
      calls++;
      return Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND gw.invalid'), { code: 'ENOTFOUND' }));
    };
    const transport = transportWith(failingLookup, 'https://gw.invalid/api/v1/exceptions', warnings);
    expect((await transport.enqueue('{}')).outcome).toBe('failed');
    expect(calls).toBe(2);
    expect(warnings[0]).toMatch(/cannot resolve the gateway host .*ENOTFOUND.*check gatewayUrl/);
  });

  it('a sender that throws synchronously is contained', async () => {
    const warnings: string[] = [];
    const broken: Send = () => {
      throw new Error('bug');
    };
    const transport = transportWith(broken, 'https://gw.example/api/v1/exceptions', warnings);
    expect((await transport.enqueue('{}')).outcome).toBe('failed');
  });
});
