import { describe, expect, it } from 'vitest';
import { isLuhnValid } from '../../src/scrub/cards';
import { Redactions } from '../../src/scrub/redactions';
import { matchSensitiveKey, SENSITIVE_KEY_NAMES } from '../../src/scrub/sensitive-keys';

const keyName = (key: string) => matchSensitiveKey(`x ${key}`, 2 + key.length);

describe('matchSensitiveKey', () => {
  it.each(SENSITIVE_KEY_NAMES)('knows %s in every spelling', (name) => {
    const words = name.split('_');
    const camel = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
    for (const spelling of [name, name.toUpperCase(), words.join('-'), words.join(''), camel, `db_${name}`, `myApp${camel[0]!.toUpperCase()}${camel.slice(1)}`]) {
      expect(keyName(spelling), spelling).toBe(name);
    }
  });

  it.each(['passwordless', 'tokenizer', 'sessionStorage', 'authorized', 'author', 'oauth', 'max_tokens', 'monkey', 'cache_key', 'secretary', 'key', 'id', 'rapikey'])(
    'does not take %s',
    (key) => expect(keyName(key)).toBeUndefined(),
  );

  it('finds words at camelCase humps and after acronyms', () => {
    expect(keyName('stripeApiKey')).toBe('api_key');
    expect(keyName('URLToken')).toBe('token');
    expect(keyName('X_API_KEY')).toBe('api_key');
    expect(keyName('token2')).toBe('token');
  });
});

describe('Redactions', () => {
  it('leaves the text as it is without spans', () => {
    expect(new Redactions().apply('abc')).toBe('abc');
  });

  it('applies spans added in any order', () => {
    const found = new Redactions();
    found.add(8, 9, '<c>');
    found.add(0, 1, '<a>');
    found.add(4, 5, '<b>');
    expect(found.apply('a...b...c...')).toBe('<a>...<b>...<c>...');
  });

  it('merges overlapping spans under the placeholder of the one that starts first', () => {
    const found = new Redactions();
    found.add(2, 6, '<x>');
    found.add(4, 10, '<y>');
    expect(found.apply('0123456789ab')).toBe('01<x>ab');
  });

  it('lets the span added first win among spans that start together', () => {
    const found = new Redactions();
    found.add(3, 5, '<first>');
    found.add(0, 1, '<z>');
    found.add(3, 8, '<second>');
    expect(found.apply('0123456789')).toBe('<z>12<first>89');
  });

  it('takes the brackets around a span into its placeholder', () => {
    const found = new Redactions();
    found.add(1, 4, '[IP]');
    expect(found.apply('[::1]:80')).toBe('[IP]:80');
  });

  it('sorts spans added in many runs, the first added first among those starting together', () => {
    const found = new Redactions();
    for (let i = 39; i >= 0; i--) found.add(i * 2, i * 2 + 1, `<${i}>`);
    found.add(0, 1, '<later>');
    expect(found.apply('ab'.repeat(40))).toBe(Array.from({ length: 40 }, (_, i) => `<${i}>b`).join(''));
  });

  it('takes the spans inside a range, and none when one reaches across its ends', () => {
    const found = new Redactions();
    found.add(2, 4, '<x>');
    found.add(6, 9, '<y>');
    expect(found.within(1, 5)?.apply('abcd')).toBe('a<x>d');
    expect(found.within(5, 10)?.apply('abcde')).toBe('a<y>e');
    expect(found.within(3, 8)).toBeUndefined();
  });

  it('ignores empty spans', () => {
    const found = new Redactions();
    found.add(2, 2, '<empty>');
    expect(found.apply('abc')).toBe('abc');
  });
});

describe('isLuhnValid', () => {
  it.each(['4111111111111111', '4111 1111 1111 1111', '378282246310005', '0'])('accepts %s', (digits) => expect(isLuhnValid(digits, 0, digits.length)).toBe(true));
  it.each(['4111111111111112', '1234567890123456', '1'])('rejects %s', (digits) => expect(isLuhnValid(digits, 0, digits.length)).toBe(false));
});
