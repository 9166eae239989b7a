// A council's settings: the values the organic laws do not confirm (or confirm only for one kind of collectivity),
// kept as data an administrator edits, each change a new version with its history. A body that never set them uses
// these defaults. Pure.
import type { CollectivityType } from './council-body.ts';
import type { ReminderSettings, VisaSettings } from './control-clocks.ts';

export const ITEM_TYPES = ['ordinary', 'budget', 'loan', 'convention', 'internal-regulation', 'delegated-management'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** `votes-cast`: more for than against; `members-in-office`: more for than half of the members in office. */
export const MAJORITY_RULES = ['votes-cast', 'members-in-office'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];

export interface CouncilSettings {
  readonly body: string;
  /** Calendar days between the convocation and the session's first day, at least (unconfirmed: 10 and 3). */
  readonly noticeDays: { readonly ordinary: number; readonly extraordinary: number };
  /** The months (1-12) of the three ordinary sessions (communes: February, May, October, from practice). */
  readonly ordinaryMonths: readonly number[];
  /** Whether a proxy given to a present member counts toward the quorum (the law's reading: no). */
  readonly proxiesCountForQuorum: boolean;
  /** The majority each type of item needs. */
  readonly majorityRules: Readonly<Record<ItemType, MajorityRule>>;
  /** Whether the president's vote decides a tie of a votes-cast majority. */
  readonly presidentDecidesTie: boolean;
  /** Working days to transmit a deliberation to the governor after the session closes (112-14: 10). */
  readonly transmissionDays: number;
  /** Working days from the receipt for the governor's reasoned opposition (112-14: 3). */
  readonly oppositionDays: number;
  /** The item types needing a visa and its period from the receipt (unconfirmed); absent: `DEFAULT_VISA`. */
  readonly visa?: VisaSettings;
  /** When the secretariat is reminded of the convocation deadline; absent: `DEFAULT_REMINDERS`. */
  readonly reminders?: ReminderSettings;
  /** 0 while the defaults apply; each administrator's change adds one. */
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

/** Communes by practice; the others are guesses from the press, to be confirmed by an administrator. */
const ORDINARY_MONTHS: Readonly<Record<CollectivityType, readonly number[]>> = {
  commune: [2, 5, 10],
  arrondissement: [2, 6, 10],
  province: [2, 6, 10],
  prefecture: [2, 6, 10],
  region: [3, 7, 10],
};

export function defaultCouncilSettings(body: string, type: CollectivityType): CouncilSettings {
  return {
    body,
    noticeDays: { ordinary: 10, extraordinary: 3 },
    ordinaryMonths: ORDINARY_MONTHS[type],
    proxiesCountForQuorum: false,
    majorityRules: { ordinary: 'votes-cast', budget: 'votes-cast', loan: 'votes-cast', convention: 'votes-cast', 'internal-regulation': 'members-in-office', 'delegated-management': 'members-in-office' },
    presidentDecidesTie: true,
    transmissionDays: 10,
    oppositionDays: 3,
    version: 0,
  };
}
