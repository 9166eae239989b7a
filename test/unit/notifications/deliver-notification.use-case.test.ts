// Delivering on every channel: the in-app inbox and, once built, SMS and e-mail, each handed the same notification.
import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../../../functions/notifications/application/deliver-notification.use-case.ts';
import type { ChannelName, NotificationChannel } from '../../../functions/notifications/application/notifications.ports.ts';
import type { Notification } from '../../../functions/notifications/domain/notification.ts';
import { notificationRequested } from '../../../functions/notifications/public.ts';
import { domainEvent } from '../../../functions/shared/events/domain-event.ts';

const cause = domainEvent({ type: 'permit.lapsed', source: 'permits', subject: 'p-1', occurredAt: '2026-12-01T23:59:59.999Z', version: 4, data: {} });
const requested = notificationRequested(cause, {
  recipient: 'citizen-a',
  topic: 'deadline-lapsed',
  about: { kind: 'permit', id: 'p-1', reference: 'RCP-RABAT-2026-00000001' },
  message: { ar: 'انقضى الأجل', fr: 'Le délai est écoulé', en: 'The deadline has passed' },
});

function recordingChannel(name: ChannelName, delivered: [ChannelName, Notification][], failure?: Error): NotificationChannel {
  return {
    name,
    async deliver(notification) {
      if (failure) throw failure;
      delivered.push([name, notification]);
    },
  };
}

describe('deliverNotification', () => {
  it('hands the one notification to every channel, in order', async () => {
    const delivered: [ChannelName, Notification][] = [];

    await deliverNotification({ channels: [recordingChannel('in-app', delivered), recordingChannel('sms', delivered)] }, requested);

    expect(delivered.map(([name]) => name)).toEqual(['in-app', 'sms']);
    expect(delivered[0]![1]).toBe(delivered[1]![1]);
    expect(delivered[0]![1]).toMatchObject({ recipient: 'citizen-a', topic: 'deadline-lapsed', source: 'permits', at: '2026-12-01T23:59:59.999Z' });
  });

  it('fails when a channel fails, before the channels after it, so the whole delivery is tried again', async () => {
    const delivered: [ChannelName, Notification][] = [];
    const outage = new Error('SMS provider unavailable');

    await expect(
      deliverNotification({ channels: [recordingChannel('in-app', delivered), recordingChannel('sms', delivered, outage), recordingChannel('email', delivered)] }, requested),
    ).rejects.toBe(outage);
    expect(delivered.map(([name]) => name)).toEqual(['in-app']);
  });
});
