// The publication of a council as OParl 1.1 objects, built from what is stored (the body, its sessions and
// deliberations). An item examined in a closed sitting keeps its content out: its name is generic, its text and
// resolution absent; its decision (outcome, counts, number) is published. Ids are the objects' URLs. Pure.
import { publishedPapers, type AgendaPaper } from './agenda-papers.ts';
import type { CouncilBody, CouncilMember } from './council-body.ts';
import type { Deliberation } from './deliberation.ts';
import type { AgendaItem, Session } from './session.ts';

const SCHEMA = 'https://schema.oparl.org/1.1';
export const OPARL_TYPES = ['organization', 'person', 'membership', 'meeting', 'agenda-item', 'paper', 'consultation', 'file'] as const;
export type OparlType = (typeof OPARL_TYPES)[number];
export const OPARL_LISTS = ['organization', 'person', 'meeting', 'paper'] as const;
export type OparlList = (typeof OPARL_LISTS)[number];

type OparlObject = Record<string, unknown>;

export const CLOSED_ITEM_NAME = 'Point examiné à huis clos';

export class OparlUrls {
  constructor(private readonly base: string) {}
  system = () => `${this.base}/oparl/v1/system`;
  bodies = () => `${this.base}/oparl/v1/bodies`;
  body = (body: string) => `${this.base}/oparl/v1/bodies/${body}`;
  list = (body: string, list: OparlList) => `${this.base}/oparl/v1/bodies/${body}/${list}`;
  object = (type: OparlType, id: string) => `${this.base}/oparl/v1/objects/${type}/${id}`;
  fileContent = (id: string) => `${this.base}/oparl/v1/files/${id}/content`;
  fileDownload = (id: string) => `${this.base}/oparl/v1/files/${id}/download`;
}

export const objectId = (...parts: readonly (string | number)[]) => parts.join('~');

export function oparlSystem(urls: OparlUrls): OparlObject {
  return { id: urls.system(), type: `${SCHEMA}/System`, oparlVersion: 'https://schema.oparl.org/1.1/', name: 'Raqmana', body: urls.bodies(), license: 'https://creativecommons.org/licenses/by/4.0/' };
}

export function oparlBody(urls: OparlUrls, body: CouncilBody): OparlObject {
  return {
    id: urls.body(body.id),
    type: `${SCHEMA}/Body`,
    system: urls.system(),
    name: body.name.fr,
    shortName: body.id,
    classification: body.type,
    organization: urls.list(body.id, 'organization'),
    person: urls.list(body.id, 'person'),
    meeting: urls.list(body.id, 'meeting'),
    paper: urls.list(body.id, 'paper'),
    legislativeTerm: [],
    modified: body.updatedAt,
  };
}

const COUNCIL = 'council';

function membershipOf(urls: OparlUrls, body: CouncilBody, member: CouncilMember, organization: string): OparlObject {
  return {
    id: urls.object('membership', objectId(body.id, member.id, organization)),
    type: `${SCHEMA}/Membership`,
    person: urls.object('person', objectId(body.id, member.id)),
    organization: urls.object('organization', objectId(body.id, organization)),
    role: organization === COUNCIL ? member.role : 'member',
    votingRight: organization === COUNCIL,
    startDate: member.since,
    ...(member.until && { endDate: member.until }),
  };
}

function membershipsOf(urls: OparlUrls, body: CouncilBody, member: CouncilMember): OparlObject[] {
  return [membershipOf(urls, body, member, COUNCIL), ...(member.group ? [membershipOf(urls, body, member, `group-${member.group}`)] : [])];
}

export function oparlPerson(urls: OparlUrls, body: CouncilBody, member: CouncilMember): OparlObject {
  return { id: urls.object('person', objectId(body.id, member.id)), type: `${SCHEMA}/Person`, body: urls.body(body.id), name: member.name, membership: membershipsOf(urls, body, member), modified: body.updatedAt };
}

export function oparlOrganizations(urls: OparlUrls, body: CouncilBody): OparlObject[] {
  const council = { id: COUNCIL, name: `Conseil — ${body.name.fr}`, organizationType: 'council', members: body.members };
  const groups = body.groups.map((group) => ({ id: `group-${group.id}`, name: group.name, organizationType: 'group', members: body.members.filter((member) => member.group === group.id) }));
  return [council, ...groups].map((organization) => ({
    id: urls.object('organization', objectId(body.id, organization.id)),
    type: `${SCHEMA}/Organization`,
    body: urls.body(body.id),
    name: organization.name,
    organizationType: organization.organizationType,
    membership: organization.members.map((member) => urls.object('membership', objectId(body.id, member.id, organization.id))),
    modified: body.updatedAt,
  }));
}

export function oparlMemberships(urls: OparlUrls, body: CouncilBody): OparlObject[] {
  return body.members.flatMap((member) => membershipsOf(urls, body, member));
}

const MEETING_STATES: Record<Session['status'], string> = { planned: 'scheduled', convened: 'invited', adjourned: 'invited', sitting: 'held', closed: 'held' };

function itemResult(item: AgendaItem): string | undefined {
  if (!item.decision) return undefined;
  return `${item.decision.outcome === 'adopted' ? 'Adopté' : 'Rejeté'} — délibération n° ${item.decision.number}`;
}

export function oparlAgendaItem(urls: OparlUrls, session: Session, item: AgendaItem): OparlObject {
  const id = objectId(session.body, session.id, item.number);
  const result = itemResult(item);
  const papers = publishedPapers(item).map((paper) => oparlPaperFile(urls, session, item, paper));
  return {
    id: urls.object('agenda-item', id),
    type: `${SCHEMA}/AgendaItem`,
    meeting: urls.object('meeting', objectId(session.body, session.id)),
    number: String(item.number),
    order: item.number,
    name: item.public ? item.title : CLOSED_ITEM_NAME,
    public: item.public,
    consultation: urls.object('consultation', id),
    ...(result && { result }),
    ...(papers.length > 0 && { auxiliaryFile: papers }),
    ...(item.public && item.decision && { resolutionText: item.text }),
    modified: session.updatedAt,
  };
}

export function oparlMeeting(urls: OparlUrls, session: Session): OparlObject {
  const last = session.convocations[session.convocations.length - 1];
  const start = last?.start ?? session.start;
  return {
    id: urls.object('meeting', objectId(session.body, session.id)),
    type: `${SCHEMA}/Meeting`,
    name: session.name,
    meetingState: MEETING_STATES[session.status],
    cancelled: false,
    start,
    location: { id: urls.object('meeting', objectId(session.body, session.id, 'location')), type: `${SCHEMA}/Location`, description: session.location },
    organization: [urls.object('organization', objectId(session.body, COUNCIL))],
    agendaItem: session.agenda.map((item) => oparlAgendaItem(urls, session, item)),
    created: session.createdAt,
    modified: session.updatedAt,
  };
}

export function oparlConsultation(urls: OparlUrls, session: Session, item: AgendaItem): OparlObject {
  const id = objectId(session.body, session.id, item.number);
  return {
    id: urls.object('consultation', id),
    type: `${SCHEMA}/Consultation`,
    paper: urls.object('paper', id),
    agendaItem: urls.object('agenda-item', id),
    meeting: urls.object('meeting', objectId(session.body, session.id)),
    organization: [urls.object('organization', objectId(session.body, COUNCIL))],
    authoritative: true,
    role: 'décision',
  };
}

/** The file of a public deliberation: its resolution as text, with its digest; a closed item has none. */
export function oparlFile(urls: OparlUrls, deliberation: Deliberation, content: { readonly size: number; readonly sha512: string }): OparlObject {
  const id = objectId(deliberation.body, deliberation.sessionId, deliberation.itemNumber);
  return {
    id: urls.object('file', id),
    type: `${SCHEMA}/File`,
    name: `Délibération n° ${deliberation.number}`,
    fileName: `deliberation-${deliberation.number.replace('/', '-')}.txt`,
    mimeType: 'text/plain',
    size: content.size,
    sha512Checksum: content.sha512,
    accessUrl: urls.fileContent(id),
    date: deliberation.adoptedAt.slice(0, 10),
    modified: deliberation.updatedAt,
  };
}

/**
 * A public item's paper as a File. Its digest is the SHA-256 it was declared and checked with, which OParl has no
 * property for (it knows SHA-1 and SHA-512 only): none is given rather than one not computed.
 */
export function oparlPaperFile(urls: OparlUrls, session: Session, item: AgendaItem, paper: AgendaPaper): OparlObject {
  const id = objectId(session.body, session.id, item.number, paper.id);
  return {
    id: urls.object('file', id),
    type: `${SCHEMA}/File`,
    name: paper.name,
    fileName: paper.name,
    mimeType: paper.contentType,
    size: paper.sizeBytes,
    accessUrl: urls.fileDownload(id),
    downloadUrl: urls.fileDownload(id),
    date: (paper.attachedAt ?? paper.declaredAt).slice(0, 10),
    created: paper.declaredAt,
    modified: paper.attachedAt ?? paper.declaredAt,
  };
}

/** The text a public deliberation's file holds. */
export function deliberationText(deliberation: Deliberation): string {
  const counts = deliberation.result.counts;
  return [
    `Délibération n° ${deliberation.number}`,
    deliberation.title,
    '',
    deliberation.text,
    '',
    `Pour : ${counts.for}, contre : ${counts.against}, abstention : ${counts.abstain}, sans vote : ${counts['not-voting']}, conflit d'intérêts : ${counts.conflict}`,
    `Règle : ${deliberation.result.rule}${deliberation.result.tieDecidedByPresident ? ' ; partage des voix, la voix du président est prépondérante' : ''}`,
    `Résultat : ${deliberation.result.outcome === 'adopted' ? 'adoptée' : 'rejetée'}`,
    '',
  ].join('\n');
}

/** A deliberation as a Paper: a closed item's paper says only what was decided. */
export function oparlPaper(urls: OparlUrls, deliberation: Deliberation, file?: OparlObject): OparlObject {
  const id = objectId(deliberation.body, deliberation.sessionId, deliberation.itemNumber);
  const outcome = deliberation.result.outcome === 'adopted' ? 'adoptée' : 'rejetée';
  return {
    id: urls.object('paper', id),
    type: `${SCHEMA}/Paper`,
    body: urls.body(deliberation.body),
    name: deliberation.public ? deliberation.title : `${CLOSED_ITEM_NAME} : délibération ${outcome}`,
    reference: deliberation.number,
    date: deliberation.adoptedAt.slice(0, 10),
    paperType: 'délibération',
    ...(file && { mainFile: file }),
    consultation: [urls.object('consultation', id)],
    keyword: [deliberation.itemType, `result:${deliberation.result.outcome}`, `for:${deliberation.result.counts.for}`, `against:${deliberation.result.counts.against}`, `abstain:${deliberation.result.counts.abstain}`],
    modified: deliberation.updatedAt,
  };
}
