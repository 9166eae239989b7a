// The body (its type, members in office, groups) kept by its secretariat or an administrator, and its settings
// (the values the law does not confirm) set by an administrator; each change a new version with its history.
import type { Principal } from '../../shared/auth/principal.ts';
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { CouncilBody } from '../domain/council-body.ts';
import { unknownBody } from '../domain/council-errors.ts';
import { defaultCouncilSettings, type CouncilSettings } from '../domain/council-settings.ts';
import { actorFor } from './council-access.ts';
import type { CouncilsRepository } from './councils.ports.ts';

export type BodyInput = Pick<CouncilBody, 'type' | 'name' | 'members' | 'groups'>;

export async function putBody(repository: CouncilsRepository, id: string, input: BodyInput, principal: Principal, now: Date): Promise<CouncilBody> {
  const actor = actorFor(principal, id, ['admin', 'council-secretary']);
  const ids = input.members.map((member) => member.id);
  if (new Set(ids).size !== ids.length) throw new ValidationFailedError({ ar: 'معرف عضو مكرر', fr: 'Un identifiant de membre est répété', en: 'A member id is repeated' });
  const groups = new Set(input.groups.map((group) => group.id));
  if (input.members.some((member) => member.group !== undefined && !groups.has(member.group))) {
    throw new ValidationFailedError({ ar: 'فريق غير معروف', fr: 'Un membre appartient à un groupe inconnu', en: 'A member belongs to an unknown group' });
  }
  if (input.members.filter((member) => member.inOffice && member.role === 'president').length > 1) {
    throw new ValidationFailedError({ ar: 'رئيس واحد فقط', fr: 'Un seul président en exercice', en: 'Only one president in office' });
  }
  const { body: stored } = await repository.bodyContext(id, {});
  const at = now.toISOString();
  const body: CouncilBody = { id, ...input, version: (stored?.version ?? 0) + 1, updatedAt: at };
  await repository.saveBody(body, { version: body.version, type: stored ? 'changed' : 'created', at, by: actor });
  return body;
}

export async function readSettings(repository: CouncilsRepository, id: string, principal: Principal): Promise<CouncilSettings> {
  actorFor(principal, id, ['admin', 'auditor', 'governor', 'council-secretary', 'president']);
  const { body, settings } = await repository.bodyContext(id, {});
  if (!body) throw unknownBody(id);
  return settings ?? defaultCouncilSettings(id, body.type);
}

export type SettingsInput = Omit<CouncilSettings, 'body' | 'version' | 'updatedAt' | 'updatedBy'>;

export async function setSettings(repository: CouncilsRepository, id: string, input: SettingsInput, principal: Principal, now: Date): Promise<CouncilSettings> {
  const actor = actorFor(principal, id, ['admin']);
  const { body, settings } = await repository.bodyContext(id, {});
  if (!body) throw unknownBody(id);
  const at = now.toISOString();
  const changed: CouncilSettings = { body: id, ...input, version: (settings?.version ?? 0) + 1, updatedAt: at, updatedBy: actor.sub };
  await repository.saveSettings(changed, { version: changed.version, type: 'settings-changed', at, by: actor });
  return changed;
}
