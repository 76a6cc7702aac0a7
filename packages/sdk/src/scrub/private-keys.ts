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
 *
 * The header is searched for from `BEGIN `, whose capital is rare in stack traces (the dashes
 * of paths are not); it must start a run of dashes (`------BEGIN` is no header), unless it
 * follows a block straight away.
 */
export const privateKeyBlocks: Detector = {
  anchor: 'BEGIN ',
  detect(text, at, found) {
    const header = at - 5;
    // A private key's label holds `PRIVATE KEY` within its 64 characters: no header before the
    // next one (less the label's length) can start a block.
    const key = text.indexOf('PRIVATE KEY', at);
    if (key === -1) return text.length;
    if (key - header > BEGIN.length + MAX_LABEL_LENGTH - 11) return key - MAX_LABEL_LENGTH + 5;
    if (!text.startsWith(BEGIN, header) || text.charCodeAt(header - 1) === 45) return at + 1;
    for (let start = header; ; ) {
      const labelStart = start + BEGIN.length;
      const labelEnd = text.indexOf('-----', labelStart);
      if (labelEnd === -1 || labelEnd - labelStart > MAX_LABEL_LENGTH || (!text.startsWith('KEY', labelEnd - 3) && !text.startsWith('BLOCK', labelEnd - 5))) {
        return labelStart;
      }
      const label = text.slice(labelStart, labelEnd);
      if (!PRIVATE_LABEL.test(label)) return labelStart;
      const footer = `-----END ${label}-----`;
      const footerAt = text.indexOf(footer, labelEnd + 5);
      const end = footerAt === -1 ? text.length : footerAt + footer.length;
      found.add(start, end, REDACTED_TOKEN);
      if (!text.startsWith(BEGIN, end)) return end;
      start = end;
    }
  },
};
