// The body (its type, members in office, groups, and its territory from reference data) kept by its secretariat or
// an administrator, and its settings (the values the law does not confirm) set by an administrator; each change a
// new version with its history.
import type { Principal } from '../../shared/auth/principal.ts';
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { territoryOf, type CollectivityType, type CouncilBody } from '../domain/council-body.ts';
import { unknownBody } from '../domain/council-errors.ts';
import { defaultCouncilSettings, type CouncilSettings } from '../domain/council-settings.ts';
import { actorFor } from './council-access.ts';
import type { CouncilsRepository } from './councils.ports.ts';

export type BodyInput = Pick<CouncilBody, 'type' | 'name' | 'members' | 'groups'>;

/** A body whose code reference data does not know for its type: its territory, and so its governor, is unknown. */
const unknownCollectivity = (id: string, type: CollectivityType) =>
  new ValidationFailedError(
    {
      ar: `الجماعة الترابية ${id} (${type}) غير معروفة في المعطيات المرجعية`,
      fr: `La collectivité ${id} (${type}) est inconnue des données de référence`,
      en: `The collectivity ${id} (${type}) is unknown to reference data`,
    },
    {
      fieldIssues: [
        {
          pointer: '/params/body',
          code: 'unknown_collectivity',
          detail: { ar: 'رمز جماعة ترابية غير معروف لهذا النوع', fr: 'Code de collectivité inconnu pour ce type', en: 'No collectivity of this type has this code' },
        },
      ],
    },
  );

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
  const { body: stored, collectivity } = await repository.bodyContext(id, { collectivity: input.type });
  const territory = territoryOf(input.type, collectivity ?? {});
  if (!territory) throw unknownCollectivity(id, input.type);
  const at = now.toISOString();
  const body: CouncilBody = { id, ...input, territory, version: (stored?.version ?? 0) + 1, updatedAt: at };
  await repository.saveBody(body, { version: body.version, type: stored ? 'changed' : 'created', at, by: actor });
  return body;
}

export async function readSettings(repository: CouncilsRepository, id: string, principal: Principal): Promise<CouncilSettings> {
  const { body, settings } = await repository.bodyContext(id, {});
  if (!body) throw unknownBody(id);
  actorFor(principal, body, ['admin', 'auditor', 'governor', 'council-secretary', 'president']);
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
