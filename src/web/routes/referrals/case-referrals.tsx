import { Alert, Anchor, Button, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseAction, CaseDetail, Goal } from '../../api/cases';
import { isProblemOf } from '../../api/client';
import {
  caseReferralsQuery,
  type Referral,
  type ReferralDetail,
  type ReferralEvent,
  referralQuery,
  referralsApi,
} from '../../api/referrals';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { type Translate, useT } from '../../i18n';
import { ReasonDialog } from '../cases/case-parts';
import { ReferDialog } from './refer-dialog';
import {
  OverdueBadge,
  ReferralProblem,
  ReferralStatusBadge,
  SharedDataFacts,
  useDueText,
  useRefetchReferralsOnLanguageChange,
} from './referral-parts';

/** A referral that no longer stands: the action may be referred again. */
const ENDED_WITHOUT_SERVICE = ['declined', 'withdrawn'];

/** The case team may refer a person's case while it is being worked (a household is referred person by person). */
export function canRefer(item: CaseDetail): boolean {
  return (
    item.subject.type === 'person' &&
    item.abilities.work &&
    item.status !== 'closed' &&
    item.status !== 'pending_closure'
  );
}

function useCaseReferrals(caseId: string) {
  return useQuery(caseReferralsQuery(caseId));
}

/** "Remitir a un servicio" on a goal of the plan. */
export function GoalReferButton({ item, goal }: { item: CaseDetail; goal: Goal }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!canRefer(item)) return null;
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setOpen(true)}
        aria-label={t('referrals.referGoal', { goal: goal.description })}
      >
        {t('referrals.refer')}
      </Button>
      {open && <ReferDialog item={item} goal={goal} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The referrals made for one action of the plan, and "Remitir" on a partner's action that has none standing. */
export function ActionReferrals({
  item,
  goal,
  action,
}: {
  item: CaseDetail;
  goal: Goal;
  action: CaseAction;
}) {
  const t = useT();
  const referrals = useCaseReferrals(item.id);
  const [open, setOpen] = useState(false);
  const mine = referrals.data?.items.filter((r) => r.actionId === action.id) ?? [];
  const standing = mine.some((r) => !ENDED_WITHOUT_SERVICE.includes(r.status));
  const offerRefer =
    canRefer(item) &&
    referrals.isSuccess &&
    action.responsible.kind === 'partner' &&
    !standing &&
    action.status !== 'done' &&
    action.status !== 'cancelled';
  if (!mine.length && !offerRefer) return null;
  return (
    <Stack gap={6} ml={{ base: 0, xs: 'xl' }} mt={4}>
      {mine.length > 0 && (
        <Stack component="ul" gap={6} className="plain-list" aria-label={t('referrals.ofAction')}>
          {mine.map((referral) => (
            <ReferralLine key={referral.id} referral={referral} item={item} />
          ))}
        </Stack>
      )}
      {offerRefer && (
        <Group>
          <Button
            variant="light"
            size="compact-sm"
            onClick={() => setOpen(true)}
            aria-label={t('referrals.referAction', { action: action.description })}
          >
            {t('referrals.refer')}
          </Button>
        </Group>
      )}
      {open && <ReferDialog item={item} goal={goal} action={action} onClose={() => setOpen(false)} />}
    </Stack>
  );
}

/** Referrals of the case not tied to an action on the plan (sent from a goal, or the action was removed). */
export function OtherReferrals({ item }: { item: CaseDetail }) {
  const t = useT();
  const referrals = useCaseReferrals(item.id);
  useRefetchReferralsOnLanguageChange();
  if (referrals.isError) return <ProblemAlert error={referrals.error} />;
  const actionIds = new Set(item.plan.goals.flatMap((g) => g.actions.map((a) => a.id)));
  const others = referrals.data?.items.filter((r) => !r.actionId || !actionIds.has(r.actionId)) ?? [];
  if (!others.length) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('referrals.others')}
      </Title>
      <Stack component="ul" gap={6} className="plain-list">
        {others.map((referral) => (
          <ReferralLine key={referral.id} referral={referral} item={item} />
        ))}
      </Stack>
    </Stack>
  );
}

function ReferralLine({ referral, item }: { referral: Referral; item: CaseDetail }) {
  const t = useT();
  const format = useFormatters();
  const due = useDueText();
  const [open, setOpen] = useState(false);
  const dueText = due(referral);
  return (
    <li className="referral-line" data-referral={referral.id} data-referral-status={referral.status}>
      <Stack gap={2}>
        <Group gap={6} wrap="wrap">
          <ReferralStatusBadge status={referral.status} />
          {referral.overdue && <OverdueBadge />}
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {t('referrals.line', { service: referral.serviceName, organization: referral.organizationName })}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {[t('referrals.sentOn', { date: format.date(referral.sentAt) }), dueText]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {referral.status === 'completed' && referral.outcome && (
          <Text size="sm" data-referral-outcome={referral.outcome}>
            <Text span fw={600}>
              {t('referrals.outcomeLabel')}: {t(`referrals.outcome.${referral.outcome}`)}
            </Text>
            {referral.outcomeNotes ? ` — ${referral.outcomeNotes}` : ''}
          </Text>
        )}
        {referral.status === 'not_attended' && referral.outcomeNotes && (
          <Text size="sm">{referral.outcomeNotes}</Text>
        )}
        {referral.status === 'declined' && referral.declineReason && (
          <Text size="sm">
            {t('referrals.declinedBecause')}: {referral.declineReason}
          </Text>
        )}
        <Group>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setOpen(true)}
            aria-label={t('referrals.openDetailOf', { service: referral.serviceName })}
          >
            {t('referrals.openDetail')}
          </Anchor>
        </Group>
      </Stack>
      {open && (
        <ReferralDrawer
          id={referral.id}
          canWithdraw={canRefer(item)}
          caseId={item.id}
          onClose={() => setOpen(false)}
        />
      )}
    </li>
  );
}

/** One referral in full: what was sent and shared, where it stands, its history; withdrawing it with a reason. */
export function ReferralDrawer({
  id,
  caseId,
  canWithdraw,
  onClose,
}: {
  id: string;
  caseId?: string;
  canWithdraw: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const query = useQuery(referralQuery(id));
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={
        query.data
          ? t('referrals.detail.title', { service: query.data.serviceName })
          : t('referrals.detail.loading')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {query.isPending ? (
        <Loader size="sm" aria-label={t('referrals.detail.loading')} />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : (
        <ReferralDetailView referral={query.data} caseId={caseId} canWithdraw={canWithdraw} />
      )}
    </Drawer>
  );
}

function ReferralDetailView({
  referral,
  caseId,
  canWithdraw,
}: {
  referral: ReferralDetail;
  caseId?: string;
  canWithdraw: boolean;
}) {
  const t = useT();
  const format = useFormatters();
  const due = useDueText();
  const client = useQueryClient();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const reload = () => {
    withdraw.reset();
    void client.invalidateQueries({ queryKey: ['referrals'] });
  };
  const withdraw = useMutation({
    mutationFn: () =>
      referralsApi.withdraw(referral.id, { version: referral.version, reason: reason.trim() }),
    onSuccess: (updated) => {
      client.setQueryData(referralQuery(referral.id).queryKey, updated);
      void client.invalidateQueries({ queryKey: ['referrals'] });
      if (caseId) void client.invalidateQueries({ queryKey: ['cases'] });
      setWithdrawing(false);
      setReason('');
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict')) setWithdrawing(false);
    },
  });
  const dueText = due(referral);
  const conflict = withdraw.error && !withdrawing;
  return (
    <Stack gap="md">
      <Group gap={6}>
        <ReferralStatusBadge status={referral.status} />
        {referral.overdue && <OverdueBadge />}
      </Group>
      <dl className="facts">
        <dt>{t('referrals.detail.service')}</dt>
        <dd>{referral.serviceName}</dd>
        <dt>{t('referrals.detail.organization')}</dt>
        <dd>{referral.organizationName}</dd>
        <dt>{t('referrals.detail.office')}</dt>
        <dd>{referral.officeName}</dd>
        <dt>{t('referrals.detail.sent')}</dt>
        <dd>
          {format.dateTime(referral.sentAt)}
          {referral.sentByName ? ` · ${referral.sentByName}` : ''}
        </dd>
        {dueText && (
          <>
            <dt>{t('referrals.detail.due')}</dt>
            <dd>{dueText}</dd>
          </>
        )}
        {referral.reason && (
          <>
            <dt>{t('referrals.detail.reason')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{referral.reason}</dd>
          </>
        )}
        {referral.declineReason && (
          <>
            <dt>{t('referrals.declinedBecause')}</dt>
            <dd>{referral.declineReason}</dd>
          </>
        )}
        {referral.outcome && (
          <>
            <dt>{t('referrals.outcomeLabel')}</dt>
            <dd data-referral-outcome={referral.outcome}>{t(`referrals.outcome.${referral.outcome}`)}</dd>
          </>
        )}
        {referral.outcomeNotes && (
          <>
            <dt>{t('referrals.detail.notes')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{referral.outcomeNotes}</dd>
          </>
        )}
      </dl>
      {referral.sharedData && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('referrals.detail.shared', { organization: referral.organizationName })}
          </Title>
          <SharedDataFacts data={referral.sharedData} />
        </Stack>
      )}
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t('referrals.detail.history')}
        </Title>
        <Stack component="ol" gap="xs" className="plain-list" aria-label={t('referrals.detail.history')}>
          {referral.events.map((event) => (
            <li key={`${event.kind}-${event.at}`} data-event={event.kind}>
              <Text size="sm" fw={600}>
                {eventText(t, event)}
              </Text>
              {eventDetail(t, event) && <Text size="sm">{eventDetail(t, event)}</Text>}
              <Text size="xs" c="dimmed">
                {event.actorName ?? t('referrals.detail.system')} · {format.dateTime(event.at)}
              </Text>
            </li>
          ))}
        </Stack>
      </Stack>
      {conflict && <ReferralProblem error={withdraw.error} onReload={reload} />}
      {referral.abilities.includes('withdraw') && (
        <Stack gap="xs">
          <Alert color="gray" variant="light">
            <Text size="sm">{t('referrals.withdraw.help')}</Text>
          </Alert>
          <Group>
            <Button variant="default" color="red" onClick={() => setWithdrawing(true)}>
              {t('referrals.withdraw.button')}
            </Button>
          </Group>
        </Stack>
      )}
      {canWithdraw && referral.status === 'in_progress' && (
        <Text size="sm" c="dimmed">
          {t('referrals.withdraw.tooLate')}
        </Text>
      )}
      <ReasonDialog
        opened={withdrawing}
        title={t('referrals.withdraw.title')}
        description={t('referrals.withdraw.reasonHelp')}
        submitLabel={t('referrals.withdraw.button')}
        reason={reason}
        onReasonChange={setReason}
        error={withdraw.error}
        pending={withdraw.isPending}
        onClose={() => setWithdrawing(false)}
        onSubmit={() => withdraw.mutate()}
      />
    </Stack>
  );
}

const KNOWN_EVENTS = ['sent', 'accepted', 'declined', 'started', 'completed', 'not_attended', 'withdrawn'];

export function eventText(t: Translate, event: ReferralEvent): string {
  if (!KNOWN_EVENTS.includes(event.kind)) return event.kind;
  return (t as (k: string) => string)(`referrals.event.${event.kind}`);
}

function eventDetail(t: Translate, event: ReferralEvent): string | null {
  const details = event.details ?? {};
  const parts: string[] = [];
  if (typeof details.outcome === 'string')
    parts.push(
      (t as (k: string, o?: object) => string)(`referrals.outcome.${details.outcome}`, {
        defaultValue: details.outcome,
      }),
    );
  for (const key of ['reason', 'notes']) {
    if (typeof details[key] === 'string' && details[key]) parts.push(details[key] as string);
  }
  return parts.length ? parts.join(' — ') : null;
}

const CASE_HISTORY = ['sent', 'accepted', 'started', 'completed', 'declined', 'not_attended', 'withdrawn'];

/** A referral's step in the case's history (`referral_<step>`), in words; null for any other entry. */
export function referralHistoryText(
  t: Translate,
  kind: string,
  details: Record<string, unknown> | null,
): string | null {
  const step = kind.startsWith('referral_') ? kind.slice('referral_'.length) : null;
  if (!step || !CASE_HISTORY.includes(step)) return null;
  const outcome = typeof details?.outcome === 'string' ? details.outcome : '';
  return (t as (k: string, o?: object) => string)(`referrals.caseHistory.${step}`, {
    service: String(details?.serviceName ?? ''),
    organization: String(details?.organizationName ?? ''),
    outcome: outcome
      ? (t as (k: string, o?: object) => string)(`referrals.outcome.${outcome}`, { defaultValue: outcome })
      : '',
  });
}
