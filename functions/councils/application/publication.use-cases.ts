// The public side: the OParl 1.1 objects and lists of a body, the text of a public deliberation, and the body's
// iCalendar feed. Each answer is built from stored items in at most two requests; a closed item's content never
// leaves them.
import { createHash } from 'node:crypto';
import { publishedPapers } from '../domain/agenda-papers.ts';
import { councilCalendar } from '../domain/calendar.ts';
import { notFound, unknownBody } from '../domain/council-errors.ts';
import type { Deliberation } from '../domain/deliberation.ts';
import {
  deliberationText,
  oparlAgendaItem,
  oparlBody,
  oparlConsultation,
  oparlFile,
  oparlMeeting,
  oparlMemberships,
  oparlOrganizations,
  oparlPaper,
  oparlPaperFile,
  oparlPerson,
  oparlSystem,
  type OparlList,
  type OparlType,
  type OparlUrls,
} from '../domain/oparl.ts';
import type { CouncilsRepository } from './councils.ports.ts';

type OparlObject = Record<string, unknown>;

export interface OparlPage {
  readonly data: readonly OparlObject[];
  readonly pagination: { readonly elementsPerPage: number; readonly totalElements?: number; readonly currentPage?: number; readonly totalPages?: number };
  readonly links: { readonly self?: string; readonly first?: string; readonly next?: string };
}

const missing = () => notFound({ ar: 'لا يوجد هذا العنصر', fr: "Cet objet n'existe pas", en: 'This object does not exist' });

export const systemObject = (urls: OparlUrls) => oparlSystem(urls);

export async function bodyObject(repository: CouncilsRepository, urls: OparlUrls, id: string): Promise<OparlObject> {
  const { body } = await repository.bodyContext(id, {});
  if (!body) throw unknownBody(id);
  return oparlBody(urls, body);
}

function linksOf(self: string, limit: number, nextCursor?: string) {
  const next = nextCursor ? `${self}?limit=${limit}&cursor=${encodeURIComponent(nextCursor)}` : undefined;
  return { first: `${self}?limit=${limit}`, ...(next && { next }) };
}

export async function bodyList(repository: CouncilsRepository, urls: OparlUrls, page: { limit: number; cursor?: string }): Promise<OparlPage> {
  const found = await repository.bodies(page);
  return { data: found.items.map((body) => oparlBody(urls, body)), pagination: { elementsPerPage: page.limit }, links: linksOf(urls.bodies(), page.limit, found.nextCursor) };
}

/** An offset into a list built from one stored item, written like the other cursors (opaque to the caller). */
const offsetOf = (cursor?: string) => {
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
  return Number.isInteger(offset) && offset >= 0 ? offset : 0;
};
const cursorOf = (offset: number) => Buffer.from(String(offset)).toString('base64url');

export async function listOfBody(repository: CouncilsRepository, urls: OparlUrls, bodyId: string, list: OparlList, page: { limit: number; cursor?: string }): Promise<OparlPage> {
  const self = urls.list(bodyId, list);
  if (list === 'meeting') {
    const found = await repository.sessions(bodyId, page);
    return { data: found.items.map((session) => oparlMeeting(urls, session)), pagination: { elementsPerPage: page.limit }, links: linksOf(self, page.limit, found.nextCursor) };
  }
  if (list === 'paper') {
    const found = await repository.deliberations(bodyId, page);
    return { data: found.items.map((deliberation) => paperOf(urls, deliberation)), pagination: { elementsPerPage: page.limit }, links: linksOf(self, page.limit, found.nextCursor) };
  }
  const { body } = await repository.bodyContext(bodyId, {});
  if (!body) throw unknownBody(bodyId);
  const all = list === 'organization' ? oparlOrganizations(urls, body) : body.members.map((member) => oparlPerson(urls, body, member));
  const offset = offsetOf(page.cursor);
  const data = all.slice(offset, offset + page.limit);
  const more = offset + page.limit < all.length;
  return {
    data,
    pagination: { elementsPerPage: page.limit, totalElements: all.length, currentPage: Math.floor(offset / page.limit) + 1, totalPages: Math.max(1, Math.ceil(all.length / page.limit)) },
    links: linksOf(self, page.limit, more ? cursorOf(offset + page.limit) : undefined),
  };
}

function contentOf(deliberation: Deliberation) {
  const text = deliberationText(deliberation);
  return { text, size: new TextEncoder().encode(text).length, sha512: createHash('sha512').update(text).digest('hex') };
}

function fileOf(urls: OparlUrls, deliberation: Deliberation): OparlObject | undefined {
  return deliberation.public ? oparlFile(urls, deliberation, contentOf(deliberation)) : undefined;
}

function paperOf(urls: OparlUrls, deliberation: Deliberation): OparlObject {
  return oparlPaper(urls, deliberation, fileOf(urls, deliberation));
}

export async function oparlObject(repository: CouncilsRepository, urls: OparlUrls, type: OparlType, id: string): Promise<OparlObject> {
  const [bodyId, second, third, fourth] = id.split('~') as [string, string | undefined, string | undefined, string | undefined];
  if (type === 'organization' || type === 'person' || type === 'membership') {
    const { body } = await repository.bodyContext(bodyId, {});
    if (!body) throw missing();
    const object =
      type === 'organization'
        ? oparlOrganizations(urls, body).find((candidate) => candidate.id === urls.object('organization', id))
        : type === 'person'
          ? body.members.filter((member) => member.id === second).map((member) => oparlPerson(urls, body, member))[0]
          : oparlMemberships(urls, body).find((candidate) => candidate.id === urls.object('membership', id));
    if (!object) throw missing();
    return object;
  }
  if (!second) throw missing();
  if (type === 'file' && fourth) {
    // A paper of an agenda item: published only while its item is public and it is attached.
    const { session } = await repository.bodyContext(bodyId, { sessionId: second });
    const item = session?.agenda.find((candidate) => String(candidate.number) === third);
    const paper = item && publishedPapers(item).find((candidate) => candidate.id === fourth);
    if (!session || !item || !paper) throw missing();
    return oparlPaperFile(urls, session, item, paper);
  }
  if (type === 'paper' || type === 'file') {
    const { deliberation } = await repository.bodyContext(bodyId, { deliberationId: `${second}.${third ?? ''}` });
    if (!deliberation) throw missing();
    const object = type === 'paper' ? paperOf(urls, deliberation) : fileOf(urls, deliberation);
    if (!object) throw missing();
    return object;
  }
  const { session } = await repository.bodyContext(bodyId, { sessionId: second });
  if (!session) throw missing();
  if (type === 'meeting') return oparlMeeting(urls, session);
  const item = session.agenda.find((candidate) => String(candidate.number) === third);
  if (!item) throw missing();
  return type === 'agenda-item' ? oparlAgendaItem(urls, session, item) : oparlConsultation(urls, session, item);
}

/** The text of a public deliberation's file, as its File object describes it. */
export async function fileContent(repository: CouncilsRepository, id: string): Promise<string> {
  const [bodyId, sessionId, number] = id.split('~') as [string, string | undefined, string | undefined];
  if (!sessionId || !number) throw missing();
  const { deliberation } = await repository.bodyContext(bodyId, { deliberationId: `${sessionId}.${number}` });
  if (!deliberation || !deliberation.public) throw missing();
  return contentOf(deliberation).text;
}

export async function calendarOf(repository: CouncilsRepository, bodyId: string, host: string): Promise<string> {
  const [{ body }, sessions] = await Promise.all([repository.bodyContext(bodyId, {}), repository.sessions(bodyId, { limit: 100 })]);
  if (!body) throw unknownBody(bodyId);
  return councilCalendar(body, sessions.items, host);
}
