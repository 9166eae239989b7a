// The publication register (art. 10): the president of a commune designates, per category, the service that owns it
// and how often it is published; each publication of a dataset of the category is recorded from its event; anyone
// reads the register with each category's next due date and whether it is overdue, counted on read.
import type { Principal } from '../../shared/auth/principal.ts';
import type { Dataset } from '../domain/dataset.ts';
import { designate, publicationInstant, registerLines, type Category, type Frequency, type RegisterEntry, type RegisterLine } from '../domain/publication-register.ts';
import { headOfBodyActing } from '../domain/open-data-access.ts';
import type { PublicationRegister } from './open-data.ports.ts';

export async function designateCategory(
  register: PublicationRegister,
  commune: string,
  category: Category,
  fields: { readonly owner: { readonly ar: string; readonly fr: string }; readonly periodicity: Frequency },
  principal: Principal,
  now: Date,
): Promise<RegisterEntry> {
  const by = headOfBodyActing(commune, principal);
  const entry = designate(await register.entry(commune, category), commune, category, fields, by, now);
  await register.save(entry);
  return entry;
}

export async function readRegister(register: PublicationRegister, commune: string, now: Date): Promise<{ readonly commune: string; readonly asOf: string; readonly categories: RegisterLine[] }> {
  return { commune, asOf: now.toISOString(), categories: registerLines(await register.entries(commune), now) };
}

/** A dataset published, or its files changed: its category's last publication, if later than the one recorded. */
export async function recordPublication(register: PublicationRegister, dataset: Dataset): Promise<void> {
  const at = publicationInstant(dataset);
  if (at) await register.recordPublication(dataset.commune, dataset.category, at, dataset.id);
}
