import { Alert, Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemOf } from '../../api/client';
import type {
  CheckOutcome,
  EligibilityCheck,
  Referral,
  ReferralStatus,
  SharedData,
} from '../../api/referrals';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { type Translate, useT } from '../../i18n';

// Dark shades, so the labels keep a 4.5:1 contrast (axe) on phones outdoors.
export const REFERRAL_COLOR: Record<ReferralStatus, string> = {
  sent: 'blue.9',
  accepted: 'cyan.9',
  in_progress: 'violet.9',
  completed: 'teal.9',
  declined: 'red.9',
  not_attended: 'grape.9',
  withdrawn: 'gray.7',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const t = useT();
  return (
    <Badge color={REFERRAL_COLOR[status]} variant="filled" data-referral-status={status}>
      {t(`referrals.status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const t = useT();
  return (
    <Badge color="red.9" variant="outline" data-overdue>
      {t('referrals.overdue')}
    </Badge>
  );
}

/** The deadline that matters now: to answer while sent, to finish while accepted or being attended. */
export function useDueText(): (referral: Referral) => string | null {
  const t = useT();
  const format = useFormatters();
  return (referral) => {
    if (referral.status === 'sent' && referral.acceptDueAt)
      return t('referrals.due.accept', { date: format.date(referral.acceptDueAt) });
    if ((referral.status === 'accepted' || referral.status === 'in_progress') && referral.completeDueAt)
      return t('referrals.due.complete', { date: format.date(referral.completeDueAt) });
    return null;
  };
}

/** The label of a field the partner receives; a field this version does not know keeps its name. */
export function useSharedFieldLabel(): (field: string) => string {
  const t = useT();
  const { i18n } = useTranslation();
  return (field) => {
    const key = `referrals.shared.${field}`;
    return i18n.exists(key) ? (t as (k: string) => string)(key) : field;
  };
}

const HIDDEN_SHARED = new Set(['name', 'reason', 'municipalityCode', 'documentType']);

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string') return record.name;
    if (record.type && record.number) return `${text(record.type)} ${text(record.number)}`;
    return Object.values(record).map(text).filter(Boolean).join(' ');
  }
  return String(value);
}

/** A Colombian number as people read it aloud (+57 300 765 4321); any other as it was recorded. */
function phoneText(phone: string): string {
  const colombian = /^\+57(\d{3})(\d{3})(\d{4})$/.exec(phone.replace(/[\s-]/g, ''));
  return colombian ? `+57 ${colombian[1]} ${colombian[2]} ${colombian[3]}` : phone;
}

/** One shared value in words: the sex and group from the vocabulary, the age in years, the document with its type. */
function sharedValue(t: Translate, field: string, data: SharedData): string {
  const value = data[field];
  if (value === null || value === undefined || value === '') return '';
  if (field === 'documentNumber') return [text(data.documentType), text(value)].filter(Boolean).join(' ');
  if (field === 'phone') return phoneText(text(value));
  if (field === 'age' && typeof value === 'number') return t('people.age.years', { count: value });
  if (field === 'sex' || field === 'populationGroup') {
    const key = `people.${field}.${text(value)}`;
    return (t as (k: string, o?: object) => string)(key, { defaultValue: text(value) });
  }
  if (field === 'municipalityName') return text(value) || text(data.municipalityCode);
  return text(value);
}

/** The person as the partner received them: only the shared fields, as labelled values. */
export function SharedDataFacts({ data }: { data: SharedData | null }) {
  const t = useT();
  const label = useSharedFieldLabel();
  if (!data) return null;
  const fields = Object.keys(data).filter((field) => !HIDDEN_SHARED.has(field));
  const shown = fields
    .map((field) => ({ field, value: sharedValue(t, field, data) }))
    .filter((entry) => entry.value);
  if (!shown.length) return null;
  return (
    <dl className="shared-facts" style={SHARED_GRID}>
      {shown.map(({ field, value }) => (
        <div key={field} style={{ minWidth: 0 }}>
          <Text component="dt" size="xs" c="dimmed">
            {label(field)}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Text>
        </div>
      ))}
    </dl>
  );
}

/** Short labelled values side by side: two to a row on a phone, more on wider screens. */
const SHARED_GRID = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(9.5rem, 1fr))',
  gap: '0.5rem 1rem',
  margin: 0,
} as const;

const CHECK_MARK: Record<CheckOutcome, { mark: string; color: string }> = {
  pass: { mark: '✔', color: 'teal.9' },
  fail: { mark: '✖', color: 'red.9' },
  unknown: { mark: '?', color: 'gray.7' },
  warning: { mark: '!', color: 'orange.9' },
};

/** The server's eligibility rules as a checklist: a mark, its meaning in words for screen readers, the message. */
export function EligibilityList({ checks }: { checks: EligibilityCheck[] }) {
  const t = useT();
  return (
    <ul className="plain-list eligibility-list" aria-label={t('referrals.check.listLabel')}>
      {checks.map((check) => (
        <li key={check.rule} data-rule={check.rule} data-outcome={check.outcome}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text
              component="span"
              fw={700}
              c={CHECK_MARK[check.outcome].color}
              w="1.25rem"
              ta="center"
              aria-hidden
              style={{ flex: 'none' }}
            >
              {CHECK_MARK[check.outcome].mark}
            </Text>
            <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <VisuallyHidden component="span">
                {t(`referrals.check.outcome.${check.outcome}`)}:{' '}
              </VisuallyHidden>
              {check.message}
            </Text>
          </Group>
        </li>
      ))}
    </ul>
  );
}

/**
 * A step refused because someone else changed the referral first (409): never overwritten silently; the user
 * reloads it and sees what changed. Any other problem is shown as it came.
 */
export function ReferralProblem({ error, onReload }: { error: unknown; onReload: () => void }) {
  const t = useT();
  if (isProblemOf(error, 'conflict'))
    return (
      <Alert color="orange" variant="light" role="alert" title={t('referrals.conflict.title')}>
        <Text size="sm" mb="xs">
          {t('referrals.conflict.body')}
        </Text>
        <Button size="compact-sm" variant="white" color="orange.9" onClick={onReload}>
          {t('referrals.conflict.reload')}
        </Button>
      </Alert>
    );
  return <ProblemAlert error={error} />;
}

/**
 * The server writes the eligibility messages and the referral's history in the request's language: when the user
 * switches language, the referrals already loaded are fetched again in the new one.
 */
export function useRefetchReferralsOnLanguageChange() {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const language = i18n.resolvedLanguage;
  const previous = useRef(language);
  useEffect(() => {
    if (previous.current === language) return;
    previous.current = language;
    void client.invalidateQueries({ queryKey: ['referrals'] });
  }, [client, language]);
}
