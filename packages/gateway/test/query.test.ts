import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/http/errors.js';
import type { Issue, Page, StoredException } from '../src/store/contract.js';
import { makeReport, startTestGateway, type TestGateway } from './helpers/test-gateway.js';

let t: TestGateway;

beforeEach(async () => {
  t = await startTestGateway();
});
afterEach(() => t.close());

async function postAll(reports: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  for (const report of reports) {
    const response = await t.post(report);
    expect(response.status).toBe(201);
    ids.push(((await response.json()) as { exception_id: string }).exception_id);
  }
  return ids;
}

function stack(...frames: string[]): string {
  return ['Error: boom', ...frames.map((frame) => `    at ${frame}`)].join('\n');
}

async function issues(query = ''): Promise<Issue[]> {
  return (await t.getJson<Page<Issue>>(`/api/v1/issues${query}`)).body.items;
}

describe('grouping', () => {
  it('groups reports thrown at the same site even when line numbers moved', async () => {
    await postAll([
      makeReport({ stackTrace: stack('charge (/srv/app/pay.js:42:11)', 'run (/srv/app/main.js:3:1)') }),
      makeReport({ stackTrace: stack('charge (/srv/app/pay.js:57:3)', 'run (/srv/app/main.js:9:1)') }),
      makeReport({ stackTrace: stack('charge (file:///srv/app/pay.js:60:3)') }),
    ]);
    const [issue, ...rest] = await issues();
    expect(rest).toHaveLength(0);
    expect(issue).toMatchObject({ count: 3, culprit: 'charge (/srv/app/pay.js)', exceptionType: 'PaymentError' });
  });

  it('skips node_modules and runtime frames to find the throw site', async () => {
    await postAll([
      makeReport({
        stackTrace: stack(
          'Object.parse (/srv/app/node_modules/lib/parse.js:1:1)',
          'JSON.parse (<anonymous>)',
          'Module._compile (node:internal/modules/cjs/loader:1256:14)',
          'readConfig (/srv/app/config.js:8:20)',
        ),
      }),
    ]);
    expect((await issues())[0]?.culprit).toBe('readConfig (/srv/app/config.js)');
  });

  it('keeps different types, throw sites and endpoints apart', async () => {
    await postAll([
      makeReport(),
      makeReport({ exceptionType: 'TypeError' }),
      makeReport({ stackTrace: stack('refund (/srv/app/pay.js:80:5)') }),
      makeReport({ endpoint: '/api/refunds' }),
    ]);
    expect(await issues()).toHaveLength(4);
  });

  it('groups endpoints that differ only in id segments', async () => {
    await postAll([
      makeReport({ endpoint: '/api/orders/42' }),
      makeReport({ endpoint: '/api/orders/7f3c2a1e-5b6d-4c8e-9a0b-1c2d3e4f5a6b' }),
    ]);
    const list = await issues();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ endpoint: '/api/orders/:id', count: 2 });
  });

  it('keeps repositories apart', async () => {
    await postAll([makeReport(), makeReport({ githubRepo: 'owner/other' })]);
    expect(await issues()).toHaveLength(2);
    expect(await issues('?repo=owner/other')).toHaveLength(1);
  });

  it('tracks first and last seen from the capture times and shows the latest message', async () => {
    await postAll([
      makeReport({ timestamp: '2026-04-11T10:00:00.000000+00:00', errorMessage: 'middle' }),
      makeReport({ timestamp: '2026-04-11T12:30:00.000000+02:00', errorMessage: 'latest' }),
      makeReport({ timestamp: '2026-04-11T08:00:00.000000+00:00', errorMessage: 'earliest, arrived last' }),
    ]);
    expect((await issues())[0]).toMatchObject({
      count: 3,
      firstSeen: '2026-04-11T08:00:00.000Z',
      lastSeen: '2026-04-11T10:30:00.000Z',
      message: 'latest',
    });
  });

  it('lists issues most recently seen first', async () => {
    await postAll([
      makeReport({ exceptionType: 'Old', timestamp: '2026-04-10T00:00:00Z' }),
      makeReport({ exceptionType: 'New', timestamp: '2026-04-12T00:00:00Z' }),
      makeReport({ exceptionType: 'Middle', timestamp: '2026-04-11T00:00:00Z' }),
    ]);
    expect((await issues()).map((issue) => issue.exceptionType)).toEqual(['New', 'Middle', 'Old']);
  });

  it('groups Python tracebacks on their innermost application frame', async () => {
    const traceback = [
      'Traceback (most recent call last):',
      '  File "/srv/app/views.py", line 10, in checkout',
      '    charge(order)',
      '  File "/srv/app/pay.py", line 42, in charge',
      '    client.post(payload)',
      '  File "/usr/lib/python3.12/site-packages/httpx/_client.py", line 7, in post',
      'ValueError: declined',
    ].join('\n');
    await postAll([makeReport({ language: 'python', exceptionType: 'ValueError', stackTrace: traceback })]);
    expect((await issues())[0]?.culprit).toBe('charge (/srv/app/pay.py)');
  });
});

describe('GET /api/v1/exceptions', () => {
  it('filters by repo, type, endpoint, since and issue, combined with AND', async () => {
    await postAll([
      makeReport({ timestamp: '2026-04-01T00:00:00Z' }),
      makeReport({ exceptionType: 'TypeError', timestamp: '2026-04-02T00:00:00Z' }),
      makeReport({ endpoint: '/api/cart', timestamp: '2026-04-03T00:00:00Z' }),
      makeReport({ githubRepo: 'owner/other', timestamp: '2026-04-04T00:00:00Z' }),
    ]);
    const count = async (query: string) =>
      (await t.getJson<Page<StoredException>>(`/api/v1/exceptions${query}`)).body.items.length;
    expect(await count('')).toBe(4);
    expect(await count('?repo=owner/other')).toBe(1);
    expect(await count('?repo=OWNER/OTHER')).toBe(1);
    expect(await count('?type=TypeError')).toBe(1);
    expect(await count('?endpoint=%2Fapi%2Fcart')).toBe(1);
    expect(await count('?since=2026-04-02T00:00:00Z')).toBe(3);
    expect(await count('?since=2026-04-02T00:00:00Z&repo=owner/repo&type=PaymentError')).toBe(1);
    const [first] = await issues('?repo=owner/repo');
    expect(await count(`?issue=${first?.id}`)).toBe(1);
  });

  it('pages newest first with limit and an opaque cursor until nextCursor is null', async () => {
    const posted = await postAll(Array.from({ length: 7 }, (_, i) => makeReport({ errorMessage: `report ${i}` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : '?limit=3';
      const { body } = await t.getJson<Page<StoredException>>(`/api/v1/exceptions${query}`);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...posted].reverse());
  });

  it('does not shift pages when reports arrive between requests', async () => {
    await postAll([makeReport(), makeReport(), makeReport()]);
    const first = (await t.getJson<Page<StoredException>>('/api/v1/exceptions?limit=2')).body;
    await postAll([makeReport({ errorMessage: 'newcomer' })]);
    const next = `/api/v1/exceptions?limit=2&cursor=${first.nextCursor}`;
    const second = (await t.getJson<Page<StoredException>>(next)).body;
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.errorMessage).not.toBe('newcomer');
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=201', 'limit'],
    ['?limit=ten', 'limit'],
    ['?since=not-a-date', 'since'],
    ['?issue=-1', 'issue'],
    ['?cursor=garbage', 'cursor'],
  ])('answers 400 for %s', async (query, field) => {
    const { status, body } = await t.getJson<ErrorBody>(`/api/v1/exceptions${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_query', field });
  });

  it('refuses a cursor from the issues listing', async () => {
    await postAll([makeReport(), makeReport({ exceptionType: 'TypeError' })]);
    const cursor = (await t.getJson<Page<Issue>>('/api/v1/issues?limit=1')).body.nextCursor;
    expect(cursor).not.toBeNull();
    expect((await t.getJson(`/api/v1/exceptions?cursor=${cursor}`)).status).toBe(400);
  });
});

describe('single resources', () => {
  it('returns one exception with its stack lines flagged in-app', async () => {
    const [id] = await postAll([makeReport()]);
    const { body } = await t.getJson<StoredException & { stackLines: { text: string; inApp: boolean }[] }>(
      `/api/v1/exceptions/${id}`,
    );
    expect(body.stackLines.map((line) => line.inApp)).toEqual([false, true, false, false]);
    expect(body.receivedAt).toMatch(/Z$/);
  });

  it('returns an issue by id, and 404 JSON for unknown ids', async () => {
    await postAll([makeReport()]);
    const [issue] = await issues();
    expect((await t.getJson(`/api/v1/issues/${issue?.id}`)).body).toEqual(issue);
    expect(await t.getJson('/api/v1/issues/999')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await t.getJson('/api/v1/exceptions/nope')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await t.getJson('/api/v1/nothing')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });
});

describe('host guard', () => {
  it('refuses requests addressed to a non-loopback host name', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request(`${t.url}/api/v1/issues`, { headers: { host: 'attacker.example:8787' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });
});
