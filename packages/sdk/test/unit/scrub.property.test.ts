import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrub, scrubStackAndMessage } from '../../src/scrub';

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: anyCodeUnit }));

/** Pieces that trip the rules, so that random mixes of them reach the corners. */
const FRAGMENTS = [
  '@', '.', ':', '::', '=', '"', "'", '\\"', ' ', '-', '_', '[', ']', '%40', '/', '//', '+',
  'a', 'B', 'ff', '1', '4111', '255.', 'com', 'eyJ', 'AKIA', 'Bearer ', 'Basic ', 'ghp_', 'sk-', 'sk_live_',
  'password', 'token', 'api_key', 'Cookie: ', 'postgres://', 'bob@example.com', '4111111111111111',
  '10.0.0.1', 'fe80::1', '[EMAIL]', '[REDACTED_SECRET]', '-----BEGIN PRIVATE KEY-----', 'x'.repeat(70),
];
const trickyText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Surrounds `value` with arbitrary text, keeping one space on each side. */
const embedded = (value: fc.Arbitrary<string>) =>
  fc.tuple(anyText, value, anyText).map(([before, middle, after]) => ({ text: `${before} ${middle} ${after}`, value: middle }));

function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** Groups of four and a shorter last group, or 4-6-5 for 15 digits (American Express). */
function group(digits: string, separator: string): string {
  if (digits.length === 15 && separator === '-') return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(separator);
  return digits.match(/.{1,4}/g)!.join(separator);
}

const luhnNumber = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 }).map((digits) => luhnComplete(digits.join('')));
const cardText = fc
  .tuple(luhnNumber, fc.constantFrom('', ' ', '-'))
  .map(([digits, separator]) => (separator === '' ? digits : group(digits, separator)))
  // Documented exception: a bare 13-digit run starting with 1–3 is an epoch-millisecond timestamp.
  .filter((card) => !(card.length === 13 && '123'.includes(card[0]!)));

const hexGroup = fc.stringMatching(/^[0-9a-fA-F]{1,4}$/);
/** Compressed forms with a zone id or brackets and a port, which fc.ipV6 does not produce. */
const ipv6Variant = fc
  .tuple(fc.array(hexGroup, { maxLength: 3 }), fc.array(hexGroup, { maxLength: 3 }), fc.constantFrom('', '%eth0', '%25en1'), fc.boolean(), fc.integer({ min: 1, max: 65535 }))
  .map(([head, tail, zone, bracketed, port]) => {
    const address = `${head.join(':')}::${tail.join(':')}${zone}`;
    return bracketed ? `[${address}]:${port}` : address;
  });
/** Documented exception: `x::y` with letters on both sides reads as a scope operator. */
const isScopeLike = (address: string) => /^[a-f]+::[a-f]+$/i.test(address);

describe('scrub properties', () => {
  it('never throws and always returns a string', () => {
    fc.assert(fc.property(fc.oneof(anyText, trickyText), (text) => typeof scrub(text) === 'string'), { numRuns: 500 });
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, trickyText, trickyText), (text) => {
        const once = scrub(text);
        expect(scrub(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), trickyText), (text) => {
        fc.pre(!LONE_SURROGATE.test(text));
        expect(LONE_SURROGATE.test(scrub(text))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never nests placeholders', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        fc.pre(!text.includes('[') && !text.includes(']'));
        expect(scrub(text)).not.toMatch(/\[\[|\]\]/);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves letters and spaces unchanged', () => {
    const words = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ   '), maxLength: 200 });
    fc.assert(fc.property(words, (text) => scrub(text) === text), { numRuns: 500 });
  });

  it('never lets a Luhn-valid card number through', () => {
    fc.assert(fc.property(embedded(cardText), ({ text, value }) => !scrub(text).includes(value)), { numRuns: 500 });
  });

  it('never lets an email address through', () => {
    fc.assert(fc.property(embedded(fc.emailAddress()), ({ text, value }) => !scrub(text).includes(value)), { numRuns: 500 });
  });

  it('never lets an IPv4 address through', () => {
    fc.assert(fc.property(embedded(fc.ipV4()), ({ text, value }) => !scrub(text).includes(value)), { numRuns: 300 });
  });

  it('never lets an IPv6 address through', () => {
    const address = fc.oneof(fc.ipV6(), ipv6Variant).filter((a) => !isScopeLike(a));
    fc.assert(fc.property(embedded(address), ({ text, value }) => !scrub(text).includes(value)), { numRuns: 500 });
  });

  it('scrubs a stack and the message it starts with as two scrubs would', () => {
    // Names that are sensitive keys, end in a quote or a blank, or open a quoted value or a key block.
    const name = fc.oneof(
      fc.constantFrom('Error', 'TypeError', 'Token', 'InvalidToken', 'Authorization', 'Cookie', 'Secret2', 'x"', 'Err ', 'fe80::1', 'password="', 'E1234', '-----BEGIN PRIVATE KEY-----', 'Bearer'),
      trickyText,
    );
    const frame = fc.oneof(fc.constantFrom('    at f (/srv/app/x.js:10:15)', 'Caused by: Error: ', '-----END PRIVATE KEY-----', '"'), trickyText);
    const rest = fc.array(frame, { maxLength: 4 }).map((lines) => lines.map((line) => `\n${line}`).join(''));
    fc.assert(
      fc.property(name, trickyText, rest, (type, text, after) => {
        const message = text.replaceAll('\n', ' ');
        const stack = `${type}: ${message}${after}`;
        expect(scrubStackAndMessage(stack, message)).toEqual([scrub(stack), scrub(message)]);
      }),
      { numRuns: 2000 },
    );
  });
});
