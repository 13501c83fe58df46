/**
 * The pipeline of a candidate proposed to a vacancy: applied → interview → hired or not hired, and withdrawn at any
 * open step. An interview may be rescheduled (interview → interview). Hired, not hired and withdrawn are final.
 */
export const APPLICATION_STATUSES = ['applied', 'interview', 'hired', 'not_hired', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_COMMANDS = ['interview', 'hire', 'notHired', 'withdraw'] as const;
export type ApplicationCommand = (typeof APPLICATION_COMMANDS)[number];

const NEXT: Record<ApplicationCommand, { from: readonly ApplicationStatus[]; to: ApplicationStatus }> = {
  interview: { from: ['applied', 'interview'], to: 'interview' },
  hire: { from: ['interview'], to: 'hired' },
  notHired: { from: ['applied', 'interview'], to: 'not_hired' },
  withdraw: { from: ['applied', 'interview'], to: 'withdrawn' },
};

export function applyApplicationCommand(
  status: ApplicationStatus,
  command: ApplicationCommand,
): { ok: true; status: ApplicationStatus } | { ok: false } {
  const rule = NEXT[command];
  return rule.from.includes(status) ? { ok: true, status: rule.to } : { ok: false };
}

/** The commands that apply to an application in a status. */
export const allowedApplicationCommands = (status: ApplicationStatus): ApplicationCommand[] =>
  APPLICATION_COMMANDS.filter((command) => NEXT[command].from.includes(status));

export const isOpenApplication = (status: ApplicationStatus) =>
  status === 'applied' || status === 'interview';
