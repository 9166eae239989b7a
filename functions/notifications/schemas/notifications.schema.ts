// zod schemas of the notifications context: the route contracts of the inbox and of one's e-mail contact, and the
// notification request it accepts from other contexts' outboxes.
import * as z from 'zod/mini';
import { codeSchema } from '../../shared/http/common.schema.ts';
import { ROLES } from '../../shared/auth/roles.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { CONTACT_LANGUAGES } from '../domain/contact.ts';
import type { NotificationRequest } from '../public.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Notifications'];
const problem = PROBLEM_RESPONSE;
const topic = codeSchema;
const about = lazyValue(() => z.object({
  kind: z.string().check(z.minLength(1), z.maxLength(64), z.describe('What the file is, in the context that asked (`permit`, ...)')),
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  reference: z.string().check(z.minLength(1), z.maxLength(128), z.describe('What the recipient knows the file by (a receipt number, a registry number)')),
}));
const messageText = lazyValue(() => z.string().check(z.minLength(1), z.maxLength(1000)));
const message = lazyValue(() => z.object({ ar: messageText(), fr: messageText(), en: messageText() }));

const notificationSchema = lazyValue(() => z.object({
  id: z.string().check(z.describe('Stable: the same notification keeps its id')),
  topic: topic.check(z.describe('What happened, stable for clients: `documents-requested`, `deadline-lapsed`, `deadline-moved`, ...')),
  source: z.string().check(z.describe('The service that sent it (`permits`, ...)')),
  about: about(),
  message: message().check(z.describe('What the person is told, in Arabic, French and English')),
  at: z.iso.datetime().check(z.describe('When what it tells of happened (UTC)')),
}));

export const listNotificationsRoute = defineRoute({
  operationId: 'listNotifications',
  method: 'GET',
  path: '/v1/notifications',
  summary: "The caller's inbox across every service (documents requested, decisions, deadlines passed or moved), newest first",
  tags: TAGS,
  access: ROLES,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of notifications',
      schema: () => pageSchema(notificationSchema()),
      example: {
        items: [
          {
            id: 'q3Yb1r0wXzK7cV9tLmN2pA',
            topic: 'documents-requested',
            source: 'permits',
            about: { kind: 'permit', id: '0b6c3f5e-6a43-4f7e-9a55-2f1d8c0e7b21', reference: 'RCP-RABAT-2026-0B6C3F5E' },
            message: {
              ar: 'طُلبت منكم وثائق لملفكم RCP-RABAT-2026-0B6C3F5E؛ توقف احتساب الأجل إلى حين الإدلاء بها.',
              fr: 'Des documents vous sont demandés pour le dossier RCP-RABAT-2026-0B6C3F5E ; le délai est suspendu jusqu’à leur dépôt.',
              en: 'Documents are requested for your file RCP-RABAT-2026-0B6C3F5E; the deadline is suspended until you provide them.',
            },
            at: '2026-12-01T09:30:00.000Z',
          },
        ],
      },
    },
    400: problem,
    401: problem,
    403: problem,
  },
});

const contactSchema = lazyValue(() => z.object({
  email: z.email(),
  language: z.enum(CONTACT_LANGUAGES).check(z.describe('The language e-mails are written in first (the other follows)')),
  verified: z.boolean().check(z.describe('Whether the code sent to the address was given back; only a verified address is written to')),
  since: z.iso.datetime().check(z.describe('When the address was declared (unverified) or verified (UTC)')),
}));

const CONTACT_EXAMPLE = { email: 'salma@example.ma', language: 'ar', verified: false, since: '2026-12-01T09:30:00.000Z' } as const;

export const putContactRoute = defineRoute({
  operationId: 'putNotificationContact',
  method: 'PUT',
  path: '/v1/notifications/contact',
  summary: "Declares the caller's e-mail address (replacing any earlier one): stored unverified, and a 6-digit code, valid 15 minutes, is sent to it",
  tags: TAGS,
  access: ROLES,
  idempotent: true,
  body: () => z.strictObject({ email: z.email().check(z.maxLength(254)), language: z.enum(CONTACT_LANGUAGES) }),
  bodyExample: { email: 'salma@example.ma', language: 'ar' },
  responses: {
    200: { description: 'The address as stored, unverified; the code is on its way', schema: contactSchema, example: CONTACT_EXAMPLE },
    400: problem,
    401: problem,
    403: problem,
    409: problem,
    422: problem,
    503: problem,
  },
});

export const verifyContactRoute = defineRoute({
  operationId: 'verifyNotificationContact',
  method: 'POST',
  path: '/v1/notifications/contact/verification',
  summary: "Gives back the code sent to the caller's address: the address is then verified. A wrong code counts one of 5 attempts (422); an expired or exhausted one (410) needs a new declaration",
  tags: TAGS,
  access: ROLES,
  body: () => z.strictObject({ code: z.string().check(z.regex(/^\d{6}$/), z.describe('The 6 digits of the e-mail')) }),
  bodyExample: { code: '042917' },
  responses: {
    200: { description: 'The address, verified', schema: contactSchema, example: { ...CONTACT_EXAMPLE, verified: true, since: '2026-12-01T09:34:00.000Z' } },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
    409: problem,
    410: problem,
    422: problem,
  },
});

export const getContactRoute = defineRoute({
  operationId: 'getNotificationContact',
  method: 'GET',
  path: '/v1/notifications/contact',
  summary: "The caller's e-mail address, whether it is verified, and since when",
  tags: TAGS,
  access: ROLES,
  responses: {
    200: { description: 'The address', schema: contactSchema, example: { ...CONTACT_EXAMPLE, verified: true } },
    401: problem,
    403: problem,
    404: problem,
  },
});

/** What a producer's `notification.requested` event must carry; anything else is ignored. */
export const notificationRequestSchema = lazyValue(() => z.object({ recipient: z.string().check(z.minLength(1), z.maxLength(128)), topic, about: about(), message: message() }));

const requestedEvent = lazyValue(() => z.object({ id: z.string().check(z.minLength(1)), source: z.string().check(z.minLength(1)), occurredAt: z.iso.datetime({ offset: true }), data: notificationRequestSchema() }));

/**
 * The event checked before anything is delivered. The error names the fields at fault, never their values: they
 * are a person's identifier and what they are told, and the error is logged.
 */
export function requestedNotification(event: DomainEvent): DomainEvent<NotificationRequest> {
  const parsed = requestedEvent().safeParse(event);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    throw new Error(`Malformed notification request: ${fields}`);
  }
  return { ...event, ...parsed.data };
}
