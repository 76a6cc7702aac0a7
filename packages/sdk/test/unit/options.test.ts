import { afterEach, describe, expect, it } from 'vitest';
import { InvalidOptionError, isSdkError } from '../../src/errors';
import { isLoopbackHost, resolveOptions, type SentinelOptions } from '../../src/options';

const valid: SentinelOptions = { apiKey: 'k', githubRepo: 'acme/shop' };

function optionNamed(options: Partial<SentinelOptions> & Record<string, unknown>): string | undefined {
  try {
    resolveOptions({ ...valid, ...options } as SentinelOptions);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(isSdkError(error)).toBe(true);
    expect((error as Error).message).toContain((error as InvalidOptionError).option);
    return (error as InvalidOptionError).option;
  }
}

describe('resolveOptions', () => {
  afterEach(() => {
    delete process.env.SENTINEL_ENABLED;
  });

  it('applies the documented defaults', () => {
    expect(resolveOptions(valid)).toMatchObject({
      gatewayUrl: 'https://nexuspartner.dev',
      endpointUrl: 'https://nexuspartner.dev/api/v1/exceptions',
      timeoutMs: 5000,
      maxRetries: 3,
      retryBackoffBaseMs: 500,
      endpointLabel: '<unknown>',
      enabled: true,
      crashTimeoutMs: 2000,
      sampleRate: 1,
      maxQueueSize: 100,
      debug: false,
    });
  });

  it('joins the gateway URL without a double slash', () => {
    expect(resolveOptions({ ...valid, gatewayUrl: 'https://gw.example//' }).endpointUrl).toBe('https://gw.example/api/v1/exceptions');
  });

  it.each([
    [{ apiKey: '' }, 'apiKey'],
    [{ apiKey: '   ' }, 'apiKey'],
    [{ apiKey: undefined }, 'apiKey'],
    [{ apiKey: 42 }, 'apiKey'],
    [{ apiKey: 'a\r\nX-Evil: 1' }, 'apiKey'],
    [{ githubRepo: 'acme' }, 'githubRepo'],
    [{ githubRepo: 'acme/shop/extra' }, 'githubRepo'],
    [{ githubRepo: '/shop' }, 'githubRepo'],
    [{ githubRepo: undefined }, 'githubRepo'],
    [{ gatewayUrl: 'not a url' }, 'gatewayUrl'],
    [{ gatewayUrl: 'ftp://gw.example' }, 'gatewayUrl'],
    [{ gatewayUrl: 'http://gw.example' }, 'gatewayUrl'],
    [{ timeoutMs: -1 }, 'timeoutMs'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ retryBackoffBaseMs: -5 }, 'retryBackoffBaseMs'],
    [{ crashTimeoutMs: -1 }, 'crashTimeoutMs'],
    [{ endpointLabel: 3 }, 'endpointLabel'],
    [{ sampleRate: 1.5 }, 'sampleRate'],
    [{ sampleRate: -0.1 }, 'sampleRate'],
    [{ maxQueueSize: 0 }, 'maxQueueSize'],
    [{ beforeSend: 'x' }, 'beforeSend'],
    [{ scrubbers: [/x/, 'y'] }, 'scrubbers'],
    [{ debug: 'yes' }, 'debug'],
    [{ enabled: 'no' }, 'enabled'],
  ])('rejects %o naming %s', (options, name) => {
    expect(optionNamed(options as Record<string, unknown>)).toBe(name);
  });

  it('allows plain http to loopback, and elsewhere only with allowInsecure', () => {
    expect(optionNamed({ gatewayUrl: 'http://127.0.0.1:8787' })).toBeUndefined();
    expect(optionNamed({ gatewayUrl: 'http://localhost:8787' })).toBeUndefined();
    expect(optionNamed({ gatewayUrl: 'http://[::1]:8787' })).toBeUndefined();
    expect(optionNamed({ gatewayUrl: 'http://gw.example', allowInsecure: true })).toBeUndefined();
  });

  it('never puts the API key in an error message', () => {
    try {
      resolveOptions({ apiKey: 'sk-very-secret', githubRepo: 'nope' });
    } catch (error) {
      expect((error as Error).message).not.toContain('sk-very-secret');
    }
  });

  it('does not validate a disabled configuration', () => {
    expect(resolveOptions({ enabled: false } as SentinelOptions).enabled).toBe(false);
  });

  it.each(['false', '0', 'no', 'off', ' OFF ', 'False', '\tno\n'])('is disabled by SENTINEL_ENABLED=%j', (value) => {
    process.env.SENTINEL_ENABLED = value;
    expect(resolveOptions(valid).enabled).toBe(false);
    expect(() => resolveOptions({} as SentinelOptions)).not.toThrow();
  });

  it.each(['true', '1', 'yes', '', 'anything'])('stays enabled with SENTINEL_ENABLED=%j', (value) => {
    process.env.SENTINEL_ENABLED = value;
    expect(resolveOptions(valid).enabled).toBe(true);
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', '127.0.0.1', '127.8.9.10', '[::1]', '::1'])('%s is loopback', (h) => expect(isLoopbackHost(h)).toBe(true));
  it.each(['example.com', '10.0.0.1', '128.0.0.1', 'localhost.evil.com', '[::2]'])('%s is not', (h) => expect(isLoopbackHost(h)).toBe(false));
});
