/** @module Errors the SDK throws: only ever at set-up (`configure`, integration factories), for options it cannot accept. */

/** Stable codes carried by every {@link SdkError}. */
export type SdkErrorCode = 'SENTINEL_ERR_INVALID_OPTION';

/**
 * Base class of the errors this SDK throws. It extends `TypeError` because the only errors
 * the SDK ever throws into an application are about wrongly typed or shaped options.
 */
export class SdkError extends TypeError {
  // The build renames classes; `util.inspect` and `constructor.name` show this name instead.
  static {
    Object.defineProperty(this, 'name', { value: 'SdkError' });
  }

  /** A stable, documented code: match on it rather than on the message. */
  readonly code: SdkErrorCode;

  constructor(code: SdkErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  override get name(): string {
    return 'SdkError';
  }
}

/**
 * Thrown by `configure` when an option is missing or invalid; `option` names it.
 *
 * @example
 * try { configure({ apiKey: '', githubRepo: 'o/r' }); } catch (e) { if (isSdkError(e)) console.log(e.option); }
 */
export class InvalidOptionError extends SdkError {
  static {
    Object.defineProperty(this, 'name', { value: 'InvalidOptionError' });
  }

  /** The name of the offending option, e.g. `"githubRepo"`. */
  readonly option: string;

  constructor(option: string, expectation: string) {
    super('SENTINEL_ERR_INVALID_OPTION', `sentinel-sdk – ${option} ${expectation}`);
    this.option = option;
  }

  override get name(): string {
    return 'InvalidOptionError';
  }
}

/**
 * Tells whether a value is an error thrown by this SDK. Works across the ESM and CJS copies
 * of the package, where `instanceof` would not.
 */
export function isSdkError(value: unknown): value is SdkError {
  const code: unknown = value instanceof Error ? (value as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SENTINEL_ERR_');
}
