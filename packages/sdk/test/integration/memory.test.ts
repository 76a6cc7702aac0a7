import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/run-fixture';
import { createTestGateway } from '../helpers/test-gateway';

describe('memory under an error storm', () => {
  it('a million captures with the gateway down leave the heap where it started', async () => {
    const gateway = await createTestGateway();
    const url = gateway.url;
    await gateway.close();
    const run = spawnSync(process.execPath, ['--expose-gc', fixturePath('million-captures.mjs')], {
      env: { ...process.env, GATEWAY_URL: url },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const { before, after } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { before: number; after: number };
    expect(after - before).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);
});
