// The signed acknowledgment of an incoming letter: the sender's evidence that the registry office received it,
// under which number and at which instant. It says what the letter's registration wrote once and never changes
// (number, register, receipt instant, subject, commune), so it is drawn from the letter whenever it is issued.
import { createHash } from 'node:crypto';
import type { PaperKind } from '../../documents/public.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { Letter } from './letter.ts';

export const ACKNOWLEDGMENT_KIND = 'letter-acknowledgment' satisfies PaperKind;

/**
 * The acknowledgment's number in the register of signed documents: the whole letter id, since the register
 * hands back whatever paper already holds a number, and a shortened id would make two letters share one.
 */
export function acknowledgmentNumber(letter: Pick<Letter, 'id'>): string {
  return `ACK-${letter.id.replace(/-/g, '').toUpperCase()}`;
}

/** Incoming letters are acknowledged to their sender; internal and outgoing ones have no sender to answer. */
export function isAcknowledged(letter: Pick<Letter, 'register'>): boolean {
  return letter.register === 'incoming';
}

export interface AcknowledgmentContent {
  readonly number: string;
  readonly letterNumber: string;
  readonly commune: { readonly code: string; readonly names: BilingualName };
  /** The receipt instant as stored: to the second, Africa/Casablanca, with Morocco's offset then. */
  readonly receivedAt: string;
  readonly subject: string;
  /** The sender as the letter names it, or the signed-in citizen's subject for a letter lodged online. */
  readonly sender: string;
  readonly channel: Letter['channel'];
  readonly issuedAt: string;
}

export function acknowledgmentOf(letter: Letter, commune: AcknowledgmentContent['commune'], issuedAt: Date): AcknowledgmentContent {
  const sender = letter.sender ? [letter.sender.name, letter.sender.organisation].filter(Boolean).join(', ') : (letter.lodgedBy ?? '');
  // Built field by field in a fixed order, so its JSON (the digest below) is canonical.
  return {
    number: acknowledgmentNumber(letter),
    letterNumber: letter.number,
    commune: { code: commune.code, names: { ar: commune.names.ar, fr: commune.names.fr } },
    receivedAt: letter.receivedAt,
    subject: letter.subject,
    sender,
    channel: letter.channel,
    issuedAt: issuedAt.toISOString(),
  };
}

/** The claims of the QR code besides the version, number and kind, which the register of signed documents adds. */
export interface AcknowledgmentClaims {
  readonly [claim: string]: string;
  /** The letter's number in its register. */
  readonly ln: string;
  /** The commune's code. */
  readonly cm: string;
  readonly rg: 'incoming';
  /** The receipt instant, to the second with Morocco's offset: the evidence other legal clocks start from. */
  readonly rcv: string;
  /**
   * SHA-256 (base64url) of the subject as printed: whoever reads the QR code learns what the letter is about only
   * if they hold the paper, and checks that the printed subject is the one signed.
   */
  readonly sd: string;
  /** SHA-256 (base64url) of the acknowledgment's data as printed. */
  readonly dg: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

export function acknowledgmentClaims(content: AcknowledgmentContent): AcknowledgmentClaims {
  return { ln: content.letterNumber, cm: content.commune.code, rg: 'incoming', rcv: content.receivedAt, sd: sha256(content.subject), dg: sha256(JSON.stringify(content)) };
}
