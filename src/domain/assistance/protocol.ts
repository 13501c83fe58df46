import { z } from 'zod';
import { ARRIVAL_CATEGORIES } from './vocabulary';

/** Longest time a step may be given: thirty days after the protocol starts. */
export const MAX_DUE_OFFSET_MINUTES = 30 * 24 * 60;

const text = z.string().trim().min(1).max(200);

export const ProtocolStep = z.strictObject({
  /** Stable within the protocol across versions, so the report can follow a step through edits. */
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, 'protocols.stepId'),
  title: z.strictObject({ es: text, en: text }),
  /** When the step is due, counted from the moment the protocol starts (the arrival is received). */
  dueOffsetMinutes: z.number().int().min(0).max(MAX_DUE_OFFSET_MINUTES),
});
export type ProtocolStep = z.infer<typeof ProtocolStep>;

export const ProtocolDefinition = z
  .strictObject({
    category: z.enum(ARRIVAL_CATEGORIES),
    name: z.strictObject({ es: text, en: text }),
    steps: z.array(ProtocolStep).min(1).max(30),
  })
  .superRefine((definition, context) => {
    const seen = new Set<string>();
    definition.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        context.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: 'protocols.stepIdTaken' });
      }
      seen.add(step.id);
    });
  });
export type ProtocolDefinition = z.infer<typeof ProtocolDefinition>;

export interface PlannedStep {
  stepId: string;
  title: { es: string; en: string };
  dueAt: Date;
  position: number;
}

/** The tasks a protocol becomes when it starts at `start`: one per step, due at its offset, in the order given. */
export function planProtocol(definition: Pick<ProtocolDefinition, 'steps'>, start: Date): PlannedStep[] {
  return definition.steps.map((step, position) => ({
    stepId: step.id,
    title: step.title,
    dueAt: new Date(start.getTime() + step.dueOffsetMinutes * 60_000),
    position,
  }));
}

export type Timeliness = 'on_time' | 'late' | 'pending' | 'overdue' | 'cancelled';

/**
 * How a step went: done by its due time (on time) or after it (late); still open before its due time (pending)
 * or after it (overdue); cancelled steps are counted apart.
 */
export function timeliness(
  step: { status: 'open' | 'done' | 'cancelled'; dueAt: Date | null; completedAt: Date | null },
  now: Date,
): Timeliness {
  if (step.status === 'cancelled') return 'cancelled';
  if (step.status === 'done') {
    if (!step.dueAt || !step.completedAt) return 'on_time';
    return step.completedAt.getTime() <= step.dueAt.getTime() ? 'on_time' : 'late';
  }
  if (step.dueAt && step.dueAt.getTime() < now.getTime()) return 'overdue';
  return 'pending';
}
