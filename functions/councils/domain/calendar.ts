// A body's meetings as an iCalendar feed (RFC 5545): one event per meeting convened (and a tentative one for a
// session planned but not yet convened), its start written in UTC so every client shows it right in
// Africa/Casablanca whatever Morocco's offset that day. Lines end in CRLF and fold at 75 octets. Pure.
import { MOROCCO_TIME_ZONE } from '../../shared/time/morocco-time.ts';
import type { Session } from './session.ts';

const MEETING_HOURS = 3;
const encoder = new TextEncoder();

/** TEXT values escape backslash, semicolon, comma and new lines (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence (§3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utc = (instant: string | number) => new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

interface Meeting {
  readonly uid: string;
  readonly start: string;
  readonly round: number;
  readonly confirmed: boolean;
}

function meetingsOf(session: Session): Meeting[] {
  if (session.convocations.length === 0) return [{ uid: `${session.id}-1`, start: session.start, round: 1, confirmed: false }];
  return session.convocations.map((convocation) => ({ uid: `${session.id}-${convocation.round}`, start: convocation.start, round: convocation.round, confirmed: true }));
}

export function councilCalendar(body: { readonly id: string; readonly name: { readonly fr: string } }, sessions: readonly Session[], host: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Raqmana//Councils//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${text(body.name.fr)}`, `X-WR-TIMEZONE:${MOROCCO_TIME_ZONE}`];
  for (const session of sessions) {
    for (const meeting of meetingsOf(session)) {
      const start = Date.parse(meeting.start);
      lines.push(
        'BEGIN:VEVENT',
        `UID:${meeting.uid}@${host}`,
        `DTSTAMP:${utc(session.updatedAt)}`,
        `DTSTART:${utc(start)}`,
        `DTEND:${utc(start + MEETING_HOURS * 3_600_000)}`,
        `SUMMARY:${text(meeting.round === 1 ? session.name : `${session.name} (réunion ${meeting.round})`)}`,
        `LOCATION:${text(session.location)}`,
        `STATUS:${meeting.confirmed ? 'CONFIRMED' : 'TENTATIVE'}`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
