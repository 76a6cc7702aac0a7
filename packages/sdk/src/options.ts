/** @module Options: what `configure` accepts, its defaults, and validation. */
import { InvalidOptionError } from './errors';
import type { Scrubber } from './scrub';

/** The JSON body sent to the gateway: exactly the seven fields of the wire contract. */
export interface ExceptionPayload {
  exceptionType: string;
  errorMessage: string;
  stackTrace: string;
  endpoint: string;
  timestamp: string;
  githubRepo: string;
  language: 'typescript';
}

/** Options of {@link configure}. Durations are in milliseconds. */
export interface SentinelOptions {
  /** Bearer token for the gateway. Required. Never logged. */
  apiKey: string;
  /** Repository to associate exceptions with, as `owner/repo`. Required. */
  githubRepo: string;
  /** Gateway base URL. Default `https://nexuspartner.dev`. */
  gatewayUrl?: string;
  /** Per-attempt HTTP timeout. Default 5000. */
  timeoutMs?: number;
  /** Retries after the first attempt, on network errors, timeouts, 5xx and 429. Default 3. */
  maxRetries?: number;
  /** Base of the exponential backoff: `retryBackoffBaseMs × 2^attempt + jitter`. Default 500. */
  retryBackoffBaseMs?: number;
  /** Endpoint reported for errors outside a request (process hook, plain captures). Default `"<unknown>"`. */
  endpointLabel?: string;
  /** `false` disables all I/O. The environment variable `SENTINEL_ENABLED=false` does too. Default true. */
  enabled?: boolean;
  /** How long a crashing process waits, at most, for its report to be delivered. Default 2000. */
  crashTimeoutMs?: number;
  /** Directory where crash reports that could not be delivered are kept for the next start. Off by default. */
  spoolDir?: string;
  /** Extra patterns applied after the built-in PII rules. */
  scrubbers?: readonly Scrubber[];
  /**
   * Sees each scrubbed payload before it is queued; return it (changed or not) to send it,
   * or `null` to drop it. What it returns is scrubbed again. If it throws, the report goes unchanged.
   */
  beforeSend?: (payload: ExceptionPayload) => ExceptionPayload | null;
  /** Fraction of captures that are reported, 0 to 1. Default 1. */
  sampleRate?: number;
  /** Log each report's scrubbed payload and its delivery result. Default false. */
  debug?: boolean;
  /** Reports waiting for delivery, at most; further ones are dropped and counted. Default 100. */
  maxQueueSize?: number;
  /** Allow an `http://` gateway that is not on loopback (the API key then travels in clear). Default false. */
  allowInsecure?: boolean;
}

/** Options with every default applied; what the rest of the SDK works from. */
export interface ResolvedOptions {
  apiKey: string;
  githubRepo: string;
  gatewayUrl: string;
  endpointUrl: string;
  timeoutMs: number;
  maxRetries: number;
  retryBackoffBaseMs: number;
  endpointLabel: string;
  enabled: boolean;
  crashTimeoutMs: number;
  spoolDir: string | undefined;
  scrubbers: readonly Scrubber[];
  beforeSend: ((payload: ExceptionPayload) => ExceptionPayload | null) | undefined;
  sampleRate: number;
  debug: boolean;
  maxQueueSize: number;
  allowInsecure: boolean;
}

export const DEFAULT_GATEWAY_URL = 'https://nexuspartner.dev';
export const EXCEPTIONS_PATH = '/api/v1/exceptions';

const GITHUB_REPO = /^[\w.-]+\/[\w.-]+$/;
const FALSY_ENV = new Set(['false', '0', 'no', 'off']);

/** Reads `SENTINEL_ENABLED`: `false`, `0`, `no`, `off` (any case, trimmed) disable the SDK. */
export function isDisabledByEnv(): boolean {
  const raw = typeof process === 'undefined' ? undefined : process.env?.SENTINEL_ENABLED;
  return typeof raw === 'string' && FALSY_ENV.has(raw.trim().toLowerCase());
}

/** Tells whether a URL host is a loopback address, where plain HTTP exposes nothing. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

type Check = (value: never) => boolean;

const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
const isNonNegative = (v: number): boolean => typeof v === 'number' && v >= 0 && v < Infinity;
const A_BOOLEAN = 'must be a boolean';
const NON_NEGATIVE = 'must be a finite number ≥ 0';

/**
 * Each option in the order it is validated: its name, its default, what it must satisfy, and
 * the message's end when it does not (`sentinel-sdk – <name> <expectation>`).
 */
const RULES: readonly (readonly [keyof SentinelOptions, unknown, Check, string])[] = [
  ['apiKey', undefined, (v: string) => typeof v === 'string' && v.trim() !== '' && !/[\r\n]/.test(v), 'is required: a non-empty string without line breaks'],
  ['githubRepo', undefined, (v: string) => typeof v === 'string' && GITHUB_REPO.test(v), 'must be "owner/repo"'],
  ['gatewayUrl', DEFAULT_GATEWAY_URL, isHttpUrl, 'must be an http(s) URL'],
  ['allowInsecure', false, isBoolean, A_BOOLEAN],
  ['timeoutMs', 5000, (v: number) => isNonNegative(v) && v > 0, 'must be a finite number > 0'],
  ['maxRetries', 3, (v: number) => isNonNegative(v) && Number.isInteger(v), 'must be a non-negative integer'],
  ['retryBackoffBaseMs', 500, isNonNegative, NON_NEGATIVE],
  ['crashTimeoutMs', 2000, isNonNegative, NON_NEGATIVE],
  ['endpointLabel', '<unknown>', (v) => typeof v === 'string', 'must be a string'],
  ['spoolDir', undefined, (v: unknown) => v === undefined || (typeof v === 'string' && v !== ''), 'must be a non-empty path'],
  ['scrubbers', [], (v: unknown) => Array.isArray(v) && v.every(isScrubber), 'must be an array of { pattern: RegExp, replacement?: string } or functions'],
  ['beforeSend', undefined, (v: unknown) => v === undefined || typeof v === 'function', 'must be a function'],
  ['sampleRate', 1, (v: number) => typeof v === 'number' && v >= 0 && v <= 1, 'must be a number from 0 to 1'],
  ['maxQueueSize', 100, (v: number) => Number.isInteger(v) && v >= 1, 'must be an integer ≥ 1'],
  ['debug', false, isBoolean, A_BOOLEAN],
];

/**
 * Applies defaults and validates. Throws {@link InvalidOptionError} (a `TypeError`) naming the
 * first bad option. A disabled configuration is not validated: it does no I/O.
 */
export function resolveOptions(options: SentinelOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', 'must be an object');
  }
  const enabled = options.enabled ?? true;
  if (!isBoolean(enabled)) throw new InvalidOptionError('enabled', A_BOOLEAN);
  const on = enabled && !isDisabledByEnv();
  const resolved: Record<string, unknown> = { enabled: on };
  for (const [name, fallback, ok, expectation] of RULES) {
    const value = options[name] ?? fallback;
    if (on && !ok(value as never)) throw new InvalidOptionError(name, expectation);
    resolved[name] = value;
  }
  const gatewayUrl = String(resolved.gatewayUrl).replace(/\/+$/, '');
  if (on && !resolved.allowInsecure && isInsecureRemote(gatewayUrl)) {
    throw new InvalidOptionError('gatewayUrl', 'uses http:// to a host that is not loopback: the API key would travel in clear. Use https://, or set allowInsecure: true');
  }
  return { ...resolved, gatewayUrl, endpointUrl: gatewayUrl + EXCEPTIONS_PATH } as ResolvedOptions;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

function isInsecureRemote(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

function isScrubber(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null) return false;
  const { pattern, replacement } = value as { pattern?: unknown; replacement?: unknown };
  return pattern instanceof RegExp && (replacement === undefined || typeof replacement === 'string');
}
