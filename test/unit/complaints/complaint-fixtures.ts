// What the complaints' unit tests share: a commune's rules as the defaults give them.
import type { Complaint } from '../../../functions/complaints/domain/complaint.ts';
import { defaultComplaintSettings } from '../../../functions/complaints/domain/complaint-settings.ts';

const { reopenWindowDays, reminderDaysBefore, duplicateRadiusMeters } = defaultComplaintSettings('rabat');

export const RULES: Complaint['rules'] = { reopenWindowDays, reminderDaysBefore, duplicateRadiusMeters };
