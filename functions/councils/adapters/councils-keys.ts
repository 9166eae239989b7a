// Key builders of the councils table (access patterns in ../README.md); no key is written by hand elsewhere.
import { openDeadlineIndexValues } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import type { BucketDescription, TableDescription } from '../../shared/service-description.ts';
import { deliberationOpenDue, deliberationSubject, sessionOpenDue, sessionSubject } from '../domain/control-clocks.ts';
import type { CouncilBody } from '../domain/council-body.ts';
import type { Deliberation } from '../domain/deliberation.ts';
import type { Session } from '../domain/session.ts';

export const COUNCILS_TABLE_ID = 'councils';
export const CONVOCATION_SIGNING_KEY_ID = 'council-convocations';
/** Each deliberation's, convocation's and session's minutes PDF, rendered once from its event and served as stored. */
export const COUNCIL_PAPERS_BUCKET_ID = 'council-papers';
/**
 * The agenda's papers, uploaded by the secretariat straight from its browser and scanned for malware: apart from
 * the papers the platform renders, so that only this bucket takes uploads and only its readers read scan tags.
 */
export const AGENDA_PAPERS_BUCKET_ID = 'council-agenda-papers';
export const AGENDA_PAPERS_BUCKET: BucketDescription = { id: AGENDA_PAPERS_BUCKET_ID, malwareScan: true, browserTransfers: true };
export const agendaPaperKey = (sessionId: string, itemNumber: number, paperId: string) => `sessions/${sessionId}/items/${itemNumber}/${paperId}`;
/** The control deadlines' workflow (one execution per case and version) and its nightly sweep. */
export const CONTROL_DEADLINE_WORKFLOW_ID = 'CouncilControlDeadline';
export const CONTROL_SWEEP_WORKFLOW_ID = 'CouncilControlSweep';
export const deliberationPdfKey = (body: string, id: string) => `deliberations/${body}/${id}.pdf`;
/** A meeting's convocation (one for every member: the same agenda and papers) and a closed session's minutes. */
export const sessionPdfKeys = {
  convocation: (body: string, sessionId: string, round: number) => `convocations/${body}/${sessionId}/${round}.pdf`,
  minutes: (body: string, sessionId: string) => `minutes/${body}/${sessionId}.pdf`,
} as const;

export const COUNCILS_INDEXES = {
  /** Sparse: the bodies (all), a body's sessions by first meeting, a body's deliberations by number: the publication's lists. */
  byList: { name: 'byList', partitionKey: 'listPk', sortKey: 'listSk', projection: 'all' },
  /** Sparse: the kit's open-deadline index, sessions and deliberations whose control period runs, by due instant. */
  openByDue: { name: 'openByDue', partitionKey: 'openPk', sortKey: 'dueSk', projection: 'keys-only' },
} as const;

const padded = (n: number) => String(n).padStart(6, '0');

export const councilsKeys = {
  body: (body: string) => ({ pk: `BODY#${body}`, sk: 'BODY' }),
  bodyEvent: (body: string, version: number) => ({ pk: `BODY#${body}`, sk: `BODY#EVENT#${padded(version)}` }),
  settings: (body: string) => ({ pk: `BODY#${body}`, sk: 'SETTINGS' }),
  settingsEvent: (body: string, version: number) => ({ pk: `BODY#${body}`, sk: `SETTINGS#EVENT#${padded(version)}` }),
  counter: (body: string, year: number) => ({ pk: `BODY#${body}`, sk: `COUNTER#${year}` }),
  session: (id: string) => ({ pk: `SESSION#${id}`, sk: 'SESSION' }),
  sessionEvent: (id: string, version: number) => ({ pk: `SESSION#${id}`, sk: `EVENT#${padded(version)}` }),
  convocation: (sessionId: string, round: number, member: string) => ({ pk: `SESSION#${sessionId}`, sk: `CONVOCATION#${round}#${member}` }),
  /** A read of a paper, in its session's partition: `PAPER-READ#<instant>#<item>#<paper id>#<reader>`. */
  paperRead: (sessionId: string, itemNumber: number, paperId: string, at: string, readerSub: string) => ({ pk: `SESSION#${sessionId}`, sk: `PAPER-READ#${at}#${itemNumber}#${paperId}#${readerSub}` }),
  deliberation: (id: string) => ({ pk: `DELIBERATION#${id}`, sk: 'DELIBERATION' }),
  deliberationEvent: (id: string, version: number) => ({ pk: `DELIBERATION#${id}`, sk: `EVENT#${padded(version)}` }),
  bodies: () => 'BODIES',
  sessions: (body: string) => `SESSIONS#${body}`,
  deliberations: (body: string) => `DELIBERATIONS#${body}`,
} as const;

/** What the indexes are given besides the record itself, taken off again when it is read. */
export const LIST_ATTRIBUTES = ['listPk', 'listSk', 'openPk', 'dueSk'];

function openDeadlineAttributes(subject: string, dueAt: string | undefined) {
  if (!dueAt) return {};
  const { partition, sort } = openDeadlineIndexValues(subject, dueAt);
  return { openPk: partition, dueSk: sort };
}

/** The case a keys-only entry of `openByDue` names, as the deadline workflow knows it. */
export function controlSubjectOfKey(pk: string): string {
  return pk.startsWith('SESSION#') ? sessionSubject(pk.slice('SESSION#'.length)) : deliberationSubject(pk.slice('DELIBERATION#'.length));
}

export const bodyListAttributes = (body: CouncilBody) => ({ listPk: councilsKeys.bodies(), listSk: body.id });
export const sessionListAttributes = (session: Session) => ({
  listPk: councilsKeys.sessions(session.body),
  listSk: `${new Date(session.start).toISOString()}#${session.id}`,
  ...openDeadlineAttributes(sessionSubject(session.id), sessionOpenDue(session)),
});
export const deliberationListAttributes = (deliberation: Deliberation) => ({
  listPk: councilsKeys.deliberations(deliberation.body),
  listSk: `${deliberation.year}#${padded(Number(deliberation.number.split('/')[1]))}`,
  ...openDeadlineAttributes(deliberationSubject(deliberation.id), deliberationOpenDue(deliberation)),
});

/** Bodies, their settings and counters, sessions with their convocations, deliberations, their histories and the outbox. */
export const COUNCILS_TABLE: TableDescription = {
  id: COUNCILS_TABLE_ID,
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: Object.values(COUNCILS_INDEXES),
  outbox: true,
  timeToLiveAttribute: 'expiresAt',
};
