// A letter of the registry office (bureau d'ordre): numbered in its register when it is registered, its receipt
// instant kept as evidence, and every change recorded as an append-only history event. Pure: the number's
// sequence, the instant and the lookup code's digest are given by the caller.
import type { Role } from '../../shared/auth/roles.ts';
import { InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { formatMoroccanInstant } from '../../shared/statutory-clock/moroccan-day.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { formatLetterNumber, type NumberFormat, type Register } from './letter-number.ts';

export const CHANNELS = ['online', 'counter', 'post', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * What a letter is. The last three are requests another context handles, with a legal clock that starts at the
 * registry's receipt instant.
 */
export const CATEGORIES = ['request', 'information', 'invitation', 'other', 'complaint', 'access-to-information', 'council-question'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CONFIDENTIALITIES = ['normal', 'confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LETTER_STATUSES = ['registered', 'cancelled'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export interface Actor {
  readonly sub: string;
  readonly role: Role;
}

export interface Sender {
  /** A person or an organisation, as the letter names it. */
  readonly name: string;
  readonly organisation?: string;
}

export interface Letter {
  readonly id: string;
  /** The collectivity addressed, whose registers number the letter. */
  readonly commune: string;
  readonly register: Register;
  readonly year: number;
  readonly sequence: number;
  readonly number: string;
  /**
   * When the registry office received the letter (for an outgoing one, registered it): to the second, in
   * Africa/Casablanca with its offset. Evidence that starts other legal clocks: written once, never changed.
   */
  readonly receivedAt: string;
  readonly channel: Channel;
  /** The signed-in citizen who lodged it online. */
  readonly lodgedBy?: string;
  /** Who wrote it, for a letter a clerk registers (an online letter's sender is `lodgedBy`). */
  readonly sender?: Sender;
  readonly subject: string;
  readonly body?: string;
  /** Set by the clerk who registers or classifies it; an online letter is not classified yet. */
  readonly category?: Category;
  readonly confidentiality: Confidentiality;
  readonly priority: Priority;
  readonly status: LetterStatus;
  /** A cancelled letter keeps its number and its place in the register, and says why. */
  readonly cancellation?: { readonly reason: string; readonly at: string; readonly by: Actor };
  /** SHA-256 (base64url) of the secret code that lets its sender follow it without signing in. */
  readonly lookupCodeDigest: string;
  readonly registeredBy: Actor;
  readonly version: number;
}

export interface LetterEvent {
  readonly letterId: string;
  readonly version: number;
  readonly type: 'registered' | 'cancelled';
  readonly at: string;
  readonly by: Actor;
  readonly statusBefore?: LetterStatus;
  readonly statusAfter: LetterStatus;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface LetterChange {
  readonly letter: Letter;
  readonly event: LetterEvent;
}

/** An instant written to the second in Moroccan time with its offset: `2027-03-01T10:15:42+01:00`. */
export function receiptInstant(now: Date): string {
  const toTheSecond = new Date(Math.floor(now.getTime() / 1000) * 1000);
  return formatMoroccanInstant(toTheSecond).replace(/\.000(?=[+-])/, '');
}

/** The year of a register a letter received at `now` goes into: the Moroccan calendar year. */
export function registerYear(now: Date): number {
  return Number(moroccanDate(now).slice(0, 4));
}

export interface NewLetter {
  readonly id: string;
  readonly commune: string;
  readonly register: Register;
  readonly channel: Channel;
  readonly lodgedBy?: string;
  readonly sender?: Sender;
  readonly subject: string;
  readonly body?: string;
  readonly category?: Category;
  readonly confidentiality: Confidentiality;
  readonly priority: Priority;
  readonly lookupCodeDigest: string;
}

/** Registers a letter under the next number of its register's year (`sequence`, which the caller reserves). */
export function registerLetter(letter: NewLetter, numbering: { readonly format: NumberFormat; readonly sequence: number }, by: Actor, now: Date): LetterChange {
  const year = registerYear(now);
  const registered: Letter = {
    ...letter,
    year,
    sequence: numbering.sequence,
    number: formatLetterNumber(numbering.format, { register: letter.register, year, sequence: numbering.sequence }),
    receivedAt: receiptInstant(now),
    status: 'registered',
    registeredBy: by,
    version: 1,
  };
  return {
    letter: registered,
    event: { letterId: letter.id, version: 1, type: 'registered', at: now.toISOString(), by, statusAfter: 'registered', details: { number: registered.number } },
  };
}

/** Cancels a registered letter: it keeps its number (never given again) and stays in the register, with the reason. */
export function cancelLetter(letter: Letter, reason: string, by: Actor, now: Date): LetterChange {
  if (letter.status === 'cancelled') {
    throw new InvalidStateError({
      ar: `الرسالة ${letter.number} ملغاة من قبل`,
      fr: `Le courrier ${letter.number} est déjà annulé`,
      en: `Letter ${letter.number} is already cancelled`,
    });
  }
  const at = now.toISOString();
  const version = letter.version + 1;
  return {
    letter: { ...letter, status: 'cancelled', cancellation: { reason, at, by }, version },
    event: { letterId: letter.id, version, type: 'cancelled', at, by, statusBefore: letter.status, statusAfter: 'cancelled', details: { reason } },
  };
}
