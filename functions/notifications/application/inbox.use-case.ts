// Reading one's inbox: whatever the role, a person reads their own notifications and no one else's.
import type { Principal } from '../../shared/auth/principal.ts';
import type { PageRequest } from '../../shared/http/pagination.ts';
import type { Inbox } from './notifications.ports.ts';

export function myNotifications(inbox: Inbox, principal: Principal, page: PageRequest) {
  return inbox.notificationsOf(principal.sub, page);
}
