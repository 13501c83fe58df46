import {
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  Pagination,
  Paper,
  Radio,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isProblemOf } from '../../api/client';
import {
  INBOX_PAGE_SIZE,
  INBOX_TAB_LISTS,
  INBOX_TABS,
  type InboxList,
  type InboxTab,
  inboxQuery,
  REFERRAL_OUTCOMES,
  type Referral,
  type ReferralOutcome,
  referralsApi,
} from '../../api/referrals';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ReasonDialog } from '../cases/case-parts';
import { ForbiddenPage } from '../forbidden';
import { ReferralDrawer } from './case-referrals';
import {
  OverdueBadge,
  ReferralProblem,
  ReferralStatusBadge,
  SharedDataFacts,
  useDueText,
  useRefetchReferralsOnLanguageChange,
} from './referral-parts';

const INBOX_ROLES = ['partner_focal_point', 'network_admin'];

/** `/inbox`: the referrals a partner organization received, to accept, attend and close. */
export function InboxPage() {
  const session = useReadySession();
  if (!INBOX_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <Inbox />;
}

function Inbox() {
  const t = useT();
  useDocumentTitle(t('inbox.title'));
  useRefetchReferralsOnLanguageChange();
  const [params, setParams] = useSearchParams();
  const tab: InboxTab = (INBOX_TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as InboxTab)
    : 'new';
  const [done, setDone] = useState<string | null>(null);

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1}>{t('inbox.title')}</Title>
        <Text c="dimmed">{t('inbox.intro')}</Text>
      </Stack>
      <Tabs
        value={tab}
        onChange={(value) => {
          setDone(null);
          setParams(value && value !== 'new' ? { tab: value } : {});
        }}
      >
        <Tabs.List>
          {INBOX_TABS.map((value) => (
            <Tabs.Tab key={value} value={value} data-tab={value} px="sm">
              {t(`inbox.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {INBOX_TABS.map((value) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {value === tab && <InboxLists tab={tab} done={done} onDone={setDone} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

/** The referrals of one tab: one list per status (or the overdue ones), each with its own pages. */
function InboxLists({
  tab,
  done,
  onDone,
}: {
  tab: InboxTab;
  done: string | null;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const lists = INBOX_TAB_LISTS[tab];
  const [pages, setPages] = useState<Record<string, number>>({});
  const keyOf = (list: InboxList) => ('status' in list ? list.status : 'overdue');
  const results = useQueries({
    queries: lists.map((list) => inboxQuery(list, pages[keyOf(list)] ?? 1)),
  });
  const pending = results.some((r) => r.isPending);
  const failed = results.find((r) => r.isError);
  const empty = !pending && !failed && results.every((r) => r.data?.total === 0);
  return (
    <Stack gap="lg">
      {done && (
        <Text role="status" c="teal.9" fw={600}>
          {done}
        </Text>
      )}
      {pending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('inbox.loading')}</Text>
        </Group>
      ) : failed ? (
        <ProblemAlert error={failed.error} />
      ) : empty ? (
        <Text c="dimmed">{t(`inbox.empty.${tab}`)}</Text>
      ) : (
        lists.map((list, index) => {
          const data = results[index]?.data;
          if (!data || data.total === 0) return null;
          const key = keyOf(list);
          const grouped = lists.length > 1;
          const page = pages[key] ?? 1;
          const pageCount = Math.max(1, Math.ceil(data.total / INBOX_PAGE_SIZE));
          const heading = grouped
            ? t(`inbox.group.${key as Exclude<typeof key, 'sent' | 'overdue'>}`)
            : t(`inbox.tab.${tab}`);
          return (
            <Stack key={key} gap="sm" component="section" aria-label={heading}>
              {grouped ? (
                <Title order={2} size="h3">
                  {heading}{' '}
                  <Text span c="dimmed" fw={400} size="md">
                    ({data.total})
                  </Text>
                </Title>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('inbox.count', { count: data.total })}
                </Text>
              )}
              <Stack component="ul" gap="sm" className="plain-list" aria-label={heading}>
                {data.items.map((referral) => (
                  <InboxItem
                    key={referral.id}
                    referral={referral}
                    headingLevel={grouped ? 3 : 2}
                    onDone={onDone}
                  />
                ))}
              </Stack>
              {pageCount > 1 && (
                <Pagination
                  total={pageCount}
                  value={page}
                  onChange={(value) => setPages({ ...pages, [key]: value })}
                  getControlProps={(control) => ({
                    'aria-label': t(`inbox.pagination.${control}`),
                  })}
                  getItemProps={(value) => ({ 'aria-label': t('inbox.pagination.page', { page: value }) })}
                />
              )}
            </Stack>
          );
        })
      )}
    </Stack>
  );
}

type Step = 'accept' | 'start' | 'decline' | 'complete' | 'notAttended';

/** The partner's steps, in the order they are offered (the server says which the caller may take now). */
const STEPS: Step[] = ['accept', 'decline', 'start', 'complete', 'notAttended'];

function InboxItem({
  referral,
  headingLevel,
  onDone,
}: {
  referral: Referral;
  headingLevel: 2 | 3;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const format = useFormatters();
  const due = useDueText();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<Exclude<Step, 'accept' | 'start'> | null>(null);
  const [history, setHistory] = useState(false);
  // The administrator's inbox holds every partner's referrals: say whose each one is.
  const allOrganizations = useReadySession().user.role === 'network_admin';
  const name = String(referral.sharedData?.name ?? referral.personName ?? t('inbox.noName'));
  const headingId = `referral-${referral.id}`;

  const step = useMutation({
    mutationFn: (input: { step: Step; reason?: string; outcome?: ReferralOutcome; notes?: string }) => {
      const version = referral.version;
      const notes = input.notes?.trim() ? input.notes.trim() : undefined;
      switch (input.step) {
        case 'accept':
          return referralsApi.accept(referral.id, version);
        case 'start':
          return referralsApi.start(referral.id, version);
        case 'decline':
          return referralsApi.decline(referral.id, { version, reason: (input.reason ?? '').trim() });
        case 'complete':
          return referralsApi.complete(referral.id, {
            version,
            outcome: input.outcome as ReferralOutcome,
            ...(notes ? { notes } : {}),
          });
        case 'notAttended':
          return referralsApi.notAttended(referral.id, { version, ...(notes ? { notes } : {}) });
      }
    },
    onSuccess: (_updated, input) => {
      setDialog(null);
      onDone(t(`inbox.done.${input.step}`, { name }));
      void client.invalidateQueries({ queryKey: ['referrals'] });
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict')) setDialog(null);
    },
  });
  const reload = () => {
    step.reset();
    void client.invalidateQueries({ queryKey: ['referrals'] });
  };
  const dueText = due(referral);
  const reason = String(referral.sharedData?.reason ?? referral.reason ?? '');
  const steps = STEPS.filter((value) => referral.abilities.includes(value));

  return (
    <Paper
      component="li"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      aria-labelledby={headingId}
      data-referral={referral.id}
      data-referral-status={referral.status}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={headingLevel} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Title>
          <Group gap={6}>
            <ReferralStatusBadge status={referral.status} />
            {referral.overdue && <OverdueBadge />}
          </Group>
        </Group>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {allOrganizations ? `${referral.serviceName} · ${referral.organizationName}` : referral.serviceName}
        </Text>
        {referral.sharedData ? (
          <SharedDataFacts data={referral.sharedData} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('inbox.consentRevoked')}
          </Text>
        )}
        {reason && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <Text span fw={600}>
              {t('inbox.reason')}:
            </Text>{' '}
            {reason}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {[
            t('inbox.from', { office: referral.officeName }),
            t('inbox.sentOn', { date: format.date(referral.sentAt) }),
            dueText,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {referral.status === 'completed' && referral.outcome && (
          <Text size="sm">
            <Text span fw={600}>
              {t('referrals.outcomeLabel')}: {t(`referrals.outcome.${referral.outcome}`)}
            </Text>
            {referral.outcomeNotes ? ` — ${referral.outcomeNotes}` : ''}
          </Text>
        )}
        {referral.status === 'declined' && referral.declineReason && (
          <Text size="sm">
            {t('referrals.declinedBecause')}: {referral.declineReason}
          </Text>
        )}
        {step.error && !dialog ? <ReferralProblem error={step.error} onReload={reload} /> : null}
        <Group gap="xs" justify="space-between" align="center">
          <Group gap="xs">
            {steps.map((value) =>
              value === 'accept' || value === 'start' ? (
                <Button
                  key={value}
                  size="sm"
                  onClick={() => step.mutate({ step: value })}
                  loading={step.isPending && step.variables?.step === value}
                  disabled={step.isPending}
                >
                  {t(`inbox.step.${value}`)}
                </Button>
              ) : (
                <Button
                  key={value}
                  size="sm"
                  variant={value === 'complete' ? 'filled' : 'default'}
                  onClick={() => {
                    step.reset();
                    setDialog(value);
                  }}
                  disabled={step.isPending}
                >
                  {t(`inbox.step.${value}`)}
                </Button>
              ),
            )}
          </Group>
          <Anchor component="button" type="button" size="sm" onClick={() => setHistory(true)}>
            {t('inbox.history')}
          </Anchor>
        </Group>
      </Stack>
      {dialog === 'decline' && (
        <DeclineDialog
          name={name}
          pending={step.isPending}
          error={step.error}
          onClose={() => setDialog(null)}
          onSubmit={(reason) => step.mutate({ step: 'decline', reason })}
        />
      )}
      {(dialog === 'complete' || dialog === 'notAttended') && (
        <CloseDialog
          kind={dialog}
          name={name}
          pending={step.isPending}
          error={step.error}
          onClose={() => setDialog(null)}
          onSubmit={(outcome, notes) => step.mutate({ step: dialog, outcome, notes })}
        />
      )}
      {history && <ReferralDrawer id={referral.id} canWithdraw={false} onClose={() => setHistory(false)} />}
    </Paper>
  );
}

function DeclineDialog({
  name,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  name: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <ReasonDialog
      opened
      title={t('inbox.decline.title', { name })}
      description={t('inbox.decline.help')}
      submitLabel={t('inbox.step.decline')}
      reason={reason}
      onReasonChange={setReason}
      error={error}
      pending={pending}
      onClose={onClose}
      onSubmit={() => onSubmit(reason)}
    />
  );
}

/** Closing the referral: with its outcome (completed) or as a no-show, with optional notes. */
function CloseDialog({
  kind,
  name,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  kind: 'complete' | 'notAttended';
  name: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (outcome: ReferralOutcome | undefined, notes: string) => void;
}) {
  const t = useT();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const [outcome, setOutcome] = useState<ReferralOutcome | ''>('');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'complete' && !outcome) {
      setMissing(true);
      return;
    }
    onSubmit(outcome || undefined, notes);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`inbox.${kind}.title`, { name })}
      centered
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t(`inbox.${kind}.help`)}</Text>
          {kind === 'complete' && (
            <Radio.Group
              label={t('inbox.complete.outcome')}
              value={outcome}
              onChange={(value) => {
                setOutcome(value as ReferralOutcome);
                setMissing(false);
              }}
              error={missing ? t('inbox.complete.outcomeMissing') : fieldError(error, 'outcome')}
              required
            >
              <Stack gap="xs" mt="xs">
                {REFERRAL_OUTCOMES.map((value) => (
                  <Radio key={value} value={value} label={t(`referrals.outcome.${value}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Textarea
            label={t('inbox.notes')}
            description={t(`inbox.${kind}.notesHelp`)}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={fieldError(error, 'notes')}
            autosize
            minRows={3}
          />
          <ProblemAlert error={error} fields={['outcome', 'notes']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t(`inbox.${kind}.confirm`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
