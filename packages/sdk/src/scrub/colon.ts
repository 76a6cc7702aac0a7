/** @module The rules that start at a colon, behind one anchor and one dispatch. */
import { HEX, is } from './chars';
import type { Detector } from './detector';
import { ipv6Addresses } from './ipv6';
import { colonSecrets } from './secrets';

/**
 * The character after the colon picks the rule: an IPv6 address goes on with a colon or a hex
 * digit; a `key: value` with a blank or a quote. `"key":value` can be either, and is tried as
 * a secret first. Every colon is found with `indexOf` and looked at here: that costs less than
 * a regex that picks out the few colons a rule can start from (the second colon of a stack
 * frame's `:10:15` is passed over by the IPv6 rule's look-ahead).
 */
export const colonRules: Detector = {
  anchor: ':',
  detect(text, at, found) {
    if (text.charCodeAt(at + 1) === 58) return ipv6Addresses.detect(text, at, found);
    const resume = colonSecrets.detect(text, at, found);
    return resume > at + 1 || !is(text, at + 1, HEX) ? resume : ipv6Addresses.detect(text, at, found);
  },
};
