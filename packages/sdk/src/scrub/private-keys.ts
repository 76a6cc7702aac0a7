/** @module PEM private key blocks. */
import type { Detector } from './detector';
import { REDACTED_TOKEN } from './placeholders';

const BEGIN = '-----BEGIN ';
const MAX_LABEL_LENGTH = 64;
const PRIVATE_LABEL = /^[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?$/;

/**
 * `-----BEGIN … PRIVATE KEY-----` up to its matching `-----END … PRIVATE KEY-----` (RSA, EC,
 * OPENSSH, ENCRYPTED, PGP … BLOCK). A block whose end is missing, as in text cut short, is
 * redacted to the end of the text. Certificates and public keys are not secrets and stay.
 */
export const privateKeyBlocks: Detector = {
  anchor: '-',
  detect(text, at, found) {
    if (text.charCodeAt(at + 1) !== 45 || !text.startsWith(BEGIN, at)) {
      let end = at + 1;
      while (text.charCodeAt(end) === 45) end++;
      return end;
    }
    const labelStart = at + BEGIN.length;
    const labelEnd = text.indexOf('-----', labelStart);
    if (labelEnd === -1 || labelEnd - labelStart > MAX_LABEL_LENGTH || (!text.startsWith('KEY', labelEnd - 3) && !text.startsWith('BLOCK', labelEnd - 5))) {
      return labelStart;
    }
    const label = text.slice(labelStart, labelEnd);
    if (!PRIVATE_LABEL.test(label)) return labelStart;
    const footer = `-----END ${label}-----`;
    const footerAt = text.indexOf(footer, labelEnd + 5);
    const end = footerAt === -1 ? text.length : footerAt + footer.length;
    found.add(at, end, REDACTED_TOKEN);
    return end;
  },
};
