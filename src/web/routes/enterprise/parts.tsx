import { Badge } from '@mantine/core';
import { useMemo } from 'react';
import { formatCop as formatPesos } from '../../../domain/enterprise/validation';
import type { FinancingStatus, UnitStage } from '../../api/enterprise';
import { currentLanguage, LOCALE_TAGS, type TranslationKey, useT } from '../../i18n';

/** Pesos as Colombians write them ("$ 5.000.000"), kept on one line (a no-break space after the sign). */
export const formatCop = (amount: number) => formatPesos(amount).replace(' ', '\u00a0');

/** A calendar day (`YYYY-MM-DD`) in the interface language, never shifted by the device's time zone. */
export function useDay() {
  const locale = LOCALE_TAGS[currentLanguage()];
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string | null | undefined) => (day ? format.format(new Date(`${day}T00:00:00Z`)) : '—');
  }, [locale]);
}

/** Today in Colombia, as `YYYY-MM-DD`. */
export function todayInColombia(): string {
  return new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);
}

/** A label of the enterprise catalogue by group and value, e.g. `label(t, 'stage', 'start_up')`. */
export function label(
  t: ReturnType<typeof useT>,
  group:
    | 'stage'
    | 'sector'
    | 'support'
    | 'line'
    | 'financingStatus'
    | 'enrolmentStatus'
    | 'courseStatus'
    | 'kind'
    | 'modality',
  value: string,
): string {
  return t(`enterprise.${group}.${value}` as TranslationKey);
}

const STAGE_COLOURS: Record<UnitStage, string> = {
  idea: 'gray.7',
  business_plan: 'indigo.9',
  start_up: 'cyan.9',
  operating: 'teal.9',
  consolidated: 'green.9',
  closed: 'dark.7',
};

export function StageBadge({ stage }: { stage: UnitStage }) {
  const t = useT();
  return (
    <Badge color={STAGE_COLOURS[stage]} variant="outline" radius="sm">
      {label(t, 'stage', stage)}
    </Badge>
  );
}

const STATUS_COLOURS: Record<FinancingStatus, string> = {
  draft: 'gray.7',
  submitted: 'blue.9',
  // Mantine's orange.9 (#d9480f) is below 4.5:1 on white for the small badge text.
  in_review: '#a84300',
  approved: 'teal.9',
  rejected: 'red.9',
  // Mantine's green.9 is below 4.5:1 on white for the small badge text.
  disbursed: '#1f6b32',
  withdrawn: 'dark.7',
};

export function FinancingBadge({ status }: { status: FinancingStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="outline" radius="sm">
      {label(t, 'financingStatus', status)}
    </Badge>
  );
}
