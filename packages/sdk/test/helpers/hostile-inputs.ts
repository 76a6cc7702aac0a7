/** @module Inputs built to make a careless scanner go back over what it has read: the linearity tests and the scrub benchmark both run them. */

/** Repeats `unit` up to `length` characters. */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Deterministic pseudo-random digits, so a run of card-like groups is mostly Luhn-invalid. */
function digitGroups(length: number): string {
  let seed = 7;
  let out = '';
  while (out.length < length) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out += `${String(seed % 10000).padStart(4, '0')} `;
  }
  return out.slice(0, length);
}

/** Each input by name, made to a given length. */
export const HOSTILE_INPUTS: Readonly<Record<string, (length: number) => string>> = {
  'a@ runs': (n) => fill('a@', n),
  'almost-emails': (n) => fill('a.b-c_d+e@f-g.h', n),
  'long local part': (n) => `${fill('a', n - 12)}@example.com`,
  'long domain': (n) => `a@${fill('a.', n - 2)}`,
  'digits': (n) => fill('1', n),
  'digit groups': digitGroups,
  'dotted digits': (n) => fill('1.', n),
  'colons': (n) => fill(':', n),
  'dots': (n) => fill('.', n),
  'equals': (n) => fill('=', n),
  'key=value chains': (n) => fill('password=', n),
  'key: value chains': (n) => fill('token: ', n),
  'key names without values': (n) => fill('password ', n),
  'quoted keys': (n) => fill('"password":"', n),
  'almost-IPv6': (n) => fill('1:2:3:4:5:6:7:', n),
  'hex with colons': (n) => fill('ab:cd:ef:01:', n),
  'double colons': (n) => fill('fe80::', n),
  'URL userinfo': (n) => `http://${fill('a:', n - 8)}@`,
  'percent-encoded @': (n) => fill('%40', n),
  'PEM headers': (n) => fill('-----BEGIN ', n),
  'dashes and underscores': (n) => fill('-_', n),
  'JWT prefixes': (n) => fill('eyJ.', n),
  'Bearer words': (n) => fill('Bearer ', n),
  'brackets': (n) => fill('[]', n),
};
