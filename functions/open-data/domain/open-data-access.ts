// Who may do what with a commune's open data: its agents declare datasets and their files, its president approves
// them and keeps the publication register; anyone reads what is published.
import type { Principal } from '../../shared/auth/principal.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';

export interface Actor {
  readonly sub: string;
  /** `system`: the embargo's workflow publishing a dataset at its end. */
  readonly role: Role | 'system';
}

/** The agent of `commune` declaring its datasets and their files. */
export function agentActing(commune: string, principal: Principal): Actor {
  if (!principal.roles.includes('agent') || principal.commune !== commune) {
    throw new ForbiddenError({
      ar: `لا يصرح بمجموعات بيانات الجماعة ${commune} إلا أعوانها`,
      fr: `Seuls les agents de la commune ${commune} déclarent ses jeux de données`,
      en: `Only the agents of commune ${commune} declare its datasets`,
    });
  }
  return { sub: principal.sub, role: 'agent' };
}

/** The president of `commune`, who approves its datasets and designates what its register lists. */
export function headOfBodyActing(commune: string, principal: Principal): Actor {
  if (!principal.roles.includes('president') || principal.commune !== commune) {
    throw new ForbiddenError({
      ar: `لا يصادق على مجموعات بيانات الجماعة ${commune} ولا يضبط سجل نشرها إلا رئيسها`,
      fr: `Seul le président de la commune ${commune} approuve ses jeux de données et tient son registre de publication`,
      en: `Only the president of commune ${commune} approves its datasets and keeps its publication register`,
    });
  }
  return { sub: principal.sub, role: 'president' };
}
