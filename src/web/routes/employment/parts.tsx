import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { ApplicationStatus, EmployerStanding, VacancyStatus } from '../../api/employment';
import type { Translate, TranslationKey } from '../../i18n';
import { useT } from '../../i18n';

/** A label of one of the employment vocabularies, e.g. `label(t, 'standing', 'verified')`. */
export const label = (t: Translate, group: string, value: string) =>
  t(`employment.${group}.${value}` as TranslationKey);

const STANDING_COLOR: Record<EmployerStanding, string> = {
  verified: 'teal.9',
  expired: 'orange.9',
  failed_checks: 'red.9',
  never_verified: 'gray.7',
};

export function StandingBadge({ standing }: { standing: EmployerStanding }) {
  const t = useT();
  return (
    <Badge color={STANDING_COLOR[standing]} variant="filled" style={{ flexShrink: 0 }}>
      {label(t, 'standing', standing)}
    </Badge>
  );
}

const STATUS_COLOR: Record<ApplicationStatus, string> = {
  applied: 'blue.9',
  interview: 'grape.9',
  hired: 'teal.9',
  not_hired: 'gray.7',
  withdrawn: 'gray.7',
};

export function ApplicationBadge({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" style={{ flexShrink: 0 }}>
      {label(t, 'applicationStatus', status)}
    </Badge>
  );
}

export function VacancyBadge({ status }: { status: VacancyStatus }) {
  const t = useT();
  return (
    <Badge color={status === 'open' ? 'teal.9' : 'gray.7'} variant="filled" style={{ flexShrink: 0 }}>
      {label(t, 'vacancyStatus', status)}
    </Badge>
  );
}

/** The links between the employment pages. */
export function EmploymentTabs({ staff }: { staff: boolean }) {
  const t = useT();
  return (
    <Group gap="md" component="nav" aria-label={t('employment.tabs.label')}>
      <Anchor component={Link} to="/employment">
        {t('employment.tabs.employers')}
      </Anchor>
      <Anchor component={Link} to="/employment/vacancies">
        {t('employment.tabs.vacancies')}
      </Anchor>
      {staff && (
        <Anchor component={Link} to="/employment/follow-ups">
          {t('employment.tabs.followUps')}
        </Anchor>
      )}
    </Group>
  );
}

const pesos = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  maximumFractionDigits: 0,
});
export const formatPesos = (value: number) => pesos.format(value);

/** Today in Colombia, as YYYY-MM-DD. */
export const colombianToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());

/** A calendar day for display, from YYYY-MM-DD, without shifting it by the time zone. */
export function useDay() {
  return (day: string) =>
    new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'es-CO', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));
}
