// The notification an event makes, and the check of what producers send: pure, no AWS.
import { describe, expect, it } from 'vitest';
import { notificationOf } from '../../../functions/notifications/domain/notification.ts';
import { notificationRequested, type NotificationRequest } from '../../../functions/notifications/public.ts';
import { requestedNotification } from '../../../functions/notifications/schemas/notifications.schema.ts';
import { domainEvent } from '../../../functions/shared/events/domain-event.ts';

const cause = domainEvent({ type: 'permit.documents-requested', source: 'permits', subject: 'p-1', occurredAt: '2026-12-01T10:30:00+01:00', version: 3, data: {} });
const request: NotificationRequest = {
  recipient: 'citizen-7c1e',
  topic: 'documents-requested',
  about: { kind: 'permit', id: 'p-1', reference: 'RCP-RABAT-2026-0B6C3F5E' },
  message: { ar: 'طُلبت منكم وثائق', fr: 'Des documents vous sont demandés', en: 'Documents are requested' },
};

describe('a notification request', () => {
  it('is one per cause and recipient, and its id never spells the recipient out (event ids are logged)', () => {
    const requested = notificationRequested(cause, request);
    const again = notificationRequested(cause, request);
    const forSomeoneElse = notificationRequested(cause, { ...request, recipient: 'citizen-9f30' });

    expect(again.id).toBe(requested.id);
    expect(forSomeoneElse.id).not.toBe(requested.id);
    expect(requested.id.startsWith(`${cause.id}/notify/`)).toBe(true);
    expect(requested.id).not.toContain(request.recipient);
    expect(requested).toMatchObject({ type: 'notification.requested', source: 'permits', subject: 'p-1', occurredAt: cause.occurredAt, data: request });
  });
});

describe('notificationOf', () => {
  it('makes the same notification of the same event, with an id of its own derived from the event id', () => {
    const requested = notificationRequested(cause, request);

    const notification = notificationOf(requested);

    expect(notificationOf(requested)).toEqual(notification);
    expect(notification.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(notification.id).not.toBe(notificationOf(notificationRequested(cause, { ...request, recipient: 'citizen-9f30' })).id);
    expect(notification).toEqual({
      id: notification.id,
      recipient: 'citizen-7c1e',
      topic: 'documents-requested',
      source: 'permits',
      about: request.about,
      message: request.message,
      at: '2026-12-01T09:30:00.000Z',
    });
  });

  it('keeps only the fields of the contract', () => {
    const requested = notificationRequested(cause, {
      ...request,
      about: { ...request.about, applicantName: 'Salma' } as NotificationRequest['about'],
      message: { ...request.message, es: 'Documentos' } as NotificationRequest['message'],
    });

    const notification = notificationOf(requested);

    expect(notification.about).toEqual(request.about);
    expect(notification.message).toEqual(request.message);
  });
});

describe('requestedNotification', () => {
  it('passes a well-formed request', () => {
    const requested = notificationRequested(cause, request);

    expect(requestedNotification(requested)).toEqual(requested);
  });

  it('refuses a request without its English text or with an empty reference, naming the fields and none of their values', () => {
    const { en: _missing, ...arabicAndFrench } = request.message;
    const malformed = notificationRequested(cause, { ...request, about: { ...request.about, reference: '' }, message: arabicAndFrench as NotificationRequest['message'] });

    let refusal: Error | undefined;
    try {
      requestedNotification(malformed);
    } catch (error) {
      refusal = error as Error;
    }

    expect(refusal?.message).toBe('Malformed notification request: data.about.reference, data.message.en');
    expect(refusal?.message).not.toContain(request.recipient);
  });

  it('refuses an event whose instant is not a date', () => {
    expect(() => requestedNotification({ ...notificationRequested(cause, request), occurredAt: 'yesterday' })).toThrow('Malformed notification request: occurredAt');
  });
});
