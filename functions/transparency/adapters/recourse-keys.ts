// The workflow of the recourse chain's reminders (the generic deadline workflow, statemachines/deadline-case.asl.json).

/** Wakes before the end of the head's answer period to remind the president of the commune. */
export const COMPLAINT_REMINDER_WORKFLOW_ID = 'information-complaint-reminder';
