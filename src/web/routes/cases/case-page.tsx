import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Menu,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ArrivalCategory } from '../../api/arrivals';
import {
  ACTION_STATUSES,
  type ActionStatus,
  type CaseDetail,
  type CaseEvent,
  type CaseNote,
  CLOSURE_OUTCOMES,
  CLOSURE_REASONS,
  type ClosureOutcome,
  type ClosureReason,
  caseHistoryQuery,
  caseNotesQuery,
  caseQuery,
  casesApi,
  type Goal,
  NOTE_CONFIDENTIALITY,
  type NoteConfidentiality,
  RESPONSIBLE_KINDS,
  type ResponsibleKind,
} from '../../api/cases';
import { NEED_DIMENSIONS, type NeedDimension } from '../../api/characterization';
import { isProblemOf } from '../../api/client';
import { networkQuery } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import {
  ActionReferrals,
  GoalReferButton,
  OtherReferrals,
  referralHistoryText,
} from '../referrals/case-referrals';
import { CaseArrivalSection } from './case-arrival';
import {
  CaseStatusBadge,
  PlanStatusBadge,
  ProgressBar,
  ReasonDialog,
  useRefetchOnLanguageChange,
} from './case-parts';
import { CaseProtocolSection } from './case-protocols';

/** `/cases/:caseId`: a case's summary, state actions and approvals, plan, notes and history. */
export function CasePage() {
  const t = useT();
  const { caseId = '' } = useParams();
  const query = useQuery(caseQuery(caseId));
  useRefetchOnLanguageChange();
  useDocumentTitle(
    query.data ? t('cases.page.title', { name: query.data.subject.name }) : t('cases.page.loading'),
  );
  if (query.isPending)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('cases.page.loading')}</Text>
      </Group>
    );
  if (query.isError) return <ProblemAlert error={query.error} />;
  return <CaseView item={query.data} />;
}

/** After any change: the case, its history and the lists that show it are stale. */
function useRefreshCase(id: string) {
  const client = useQueryClient();
  return (updated?: CaseDetail) => {
    if (updated) client.setQueryData(caseQuery(id).queryKey, updated);
    void client.invalidateQueries({ queryKey: ['cases'] });
  };
}

/** A mutation on the case: on success the case is replaced; on a stale version it is reloaded. */
function useCaseMutation<V>(id: string, fn: (variables: V) => Promise<CaseDetail>, onDone?: () => void) {
  const refresh = useRefreshCase(id);
  return useMutation({
    mutationFn: fn,
    onSuccess: (updated) => {
      refresh(updated);
      onDone?.();
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict')) refresh();
    },
  });
}

function CaseView({ item }: { item: CaseDetail }) {
  const t = useT();
  const format = useFormatters();
  const subjectLink =
    item.subject.type === 'person' ? `/people/${item.subject.id}` : `/households/${item.subject.id}`;
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.page.back')}
        </Anchor>
        <Title order={1}>
          {item.subject.type === 'household'
            ? t('cases.householdOf', { name: item.subject.name })
            : item.subject.name || t('cases.unnamed')}
        </Title>
        <Group gap="xs">
          <CaseStatusBadge status={item.status} />
          <PlanStatusBadge status={item.planStatus} />
        </Group>
      </Stack>

      <Section title={t('cases.summary.title')}>
        <Stack gap="sm">
          <dl className="facts">
            <dt>{t('cases.summary.subject')}</dt>
            <dd>
              <Anchor component={Link} to={subjectLink}>
                {item.subject.type === 'person'
                  ? item.subject.name
                  : t('cases.householdOf', { name: item.subject.name })}
              </Anchor>
            </dd>
            <dt>{t('cases.summary.programme')}</dt>
            <dd>{item.programme.name}</dd>
            <dt>{t('cases.summary.office')}</dt>
            <dd>{item.office.name}</dd>
            <dt>{t('cases.summary.caseworker')}</dt>
            <dd>{item.caseworker.name}</dd>
            <dt>{t('cases.summary.openedAt')}</dt>
            <dd>{format.date(item.openedAt)}</dd>
            {item.closedAt && (
              <>
                <dt>{t('cases.summary.closedAt')}</dt>
                <dd>{format.date(item.closedAt)}</dd>
              </>
            )}
            <dt>{t('cases.summary.approvals')}</dt>
            <dd>
              {item.programme.requiresPlanApproval || item.programme.requiresClosureApproval
                ? [
                    item.programme.requiresPlanApproval ? t('cases.summary.planApproval') : null,
                    item.programme.requiresClosureApproval ? t('cases.summary.closureApproval') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : t('cases.summary.noApprovals')}
            </dd>
          </dl>
          {item.holdReason && (
            <Alert color="yellow" variant="light" title={t('cases.summary.onHold')}>
              {item.holdReason}
            </Alert>
          )}
          {item.closure && (
            <Alert color="gray" variant="light" title={t('cases.summary.closure')}>
              <Text size="sm">
                {item.closure.reason ? t(`cases.closureReason.${item.closure.reason}`) : ''}
                {item.closure.outcome ? ` · ${t(`cases.closureOutcome.${item.closure.outcome}`)}` : ''}
              </Text>
              {item.closure.note && <Text size="sm">{item.closure.note}</Text>}
            </Alert>
          )}
          <ProgressBar progress={item.progress} />
        </Stack>
      </Section>

      <CaseArrivalSection caseId={item.id} />
      <CaseProtocolSection item={item} />
      <PendingDecisions item={item} />
      <StateActions item={item} />
      <PlanSection item={item} />
      <NotesSection item={item} />
      <HistorySection caseId={item.id} />
    </Stack>
  );
}

/** What waits for a coordinator: the submitted plan, the requested closure, a transfer to another office. */
function PendingDecisions({ item }: { item: CaseDetail }) {
  const t = useT();
  const format = useFormatters();
  const [rejecting, setRejecting] = useState<'plan' | 'closure' | null>(null);
  const [reason, setReason] = useState('');
  const decide = useCaseMutation(
    item.id,
    (v: { subject: 'plan' | 'closure'; decision: 'approve' | 'reject'; reason?: string }) =>
      casesApi.decide(item.id, { version: item.version, ...v }),
    () => {
      setRejecting(null);
      setReason('');
    },
  );
  if (!item.pendingApprovals.length && !item.pendingTransfer) return null;
  const canDecide = (subject: 'plan' | 'closure') =>
    subject === 'plan' ? item.abilities.decidePlan : item.abilities.decideClosure;
  return (
    <Section title={t('cases.pending.title')}>
      <Stack gap="sm">
        {item.pendingApprovals.map((approval) => (
          <Paper key={approval.id} withBorder p="sm" data-pending={approval.subject}>
            <Stack gap={6}>
              <Text fw={600}>{t(`cases.pending.${approval.subject}`)}</Text>
              <Text size="sm" c="dimmed">
                {t('cases.pending.requested', {
                  who: approval.requestedBy ?? '',
                  when: format.dateTime(approval.requestedAt),
                })}
              </Text>
              {approval.closureReason && (
                <Text size="sm">
                  {t(`cases.closureReason.${approval.closureReason}`)}
                  {approval.closureOutcome
                    ? ` · ${t(`cases.closureOutcome.${approval.closureOutcome}`)}`
                    : ''}
                </Text>
              )}
              {approval.note && <Text size="sm">{approval.note}</Text>}
              {canDecide(approval.subject) ? (
                <Group gap="sm">
                  <Button
                    onClick={() => decide.mutate({ subject: approval.subject, decision: 'approve' })}
                    loading={decide.isPending && !rejecting}
                  >
                    {t(`cases.pending.approve.${approval.subject}`)}
                  </Button>
                  <Button variant="default" onClick={() => setRejecting(approval.subject)}>
                    {t('cases.pending.reject')}
                  </Button>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('cases.pending.waiting')}
                </Text>
              )}
            </Stack>
          </Paper>
        ))}
        {item.pendingTransfer && (
          <Paper withBorder p="sm">
            <Text fw={600}>
              {t('cases.pending.transfer', { office: item.pendingTransfer.toOffice.name })}
            </Text>
            <Text size="sm">{item.pendingTransfer.reason}</Text>
            <Text size="sm" c="dimmed">
              {t('cases.pending.transferWaiting')}
            </Text>
          </Paper>
        )}
        {!rejecting && <ProblemAlert error={decide.error} />}
      </Stack>
      <ReasonDialog
        opened={rejecting !== null}
        title={rejecting ? t(`cases.pending.rejectTitle.${rejecting}`) : ''}
        description={t('cases.pending.rejectHelp')}
        submitLabel={t('cases.pending.reject')}
        reason={reason}
        onReasonChange={setReason}
        error={decide.error}
        pending={decide.isPending}
        onClose={() => setRejecting(null)}
        onSubmit={() => {
          if (rejecting) decide.mutate({ subject: rejecting, decision: 'reject', reason });
        }}
      />
    </Section>
  );
}

type Dialog = 'hold' | 'requestClosure' | 'reopen' | 'reassign' | 'transfer' | null;

/** The steps the caller may take on the case now (the server says which, in `abilities`). */
function StateActions({ item }: { item: CaseDetail }) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const submit = useCaseMutation(item.id, () => casesApi.submitPlan(item.id, item.version));
  const resume = useCaseMutation(item.id, () =>
    casesApi.transition(item.id, { version: item.version, action: 'resume' }),
  );
  const a = item.abilities;
  const buttons: Array<{ key: string; show: boolean; node: ReactNode }> = [
    {
      key: 'submit',
      show: a.submitPlan,
      node: (
        <Button onClick={() => submit.mutate(undefined)} loading={submit.isPending}>
          {item.programme.requiresPlanApproval ? t('cases.actions.submitPlan') : t('cases.actions.agreePlan')}
        </Button>
      ),
    },
    {
      key: 'resume',
      show: a.resume,
      node: (
        <Button variant="light" onClick={() => resume.mutate(undefined)} loading={resume.isPending}>
          {t('cases.actions.resume')}
        </Button>
      ),
    },
    {
      key: 'hold',
      show: a.hold,
      node: (
        <Button variant="default" onClick={() => setDialog('hold')}>
          {t('cases.actions.hold')}
        </Button>
      ),
    },
    {
      key: 'close',
      show: a.requestClosure,
      node: (
        <Button variant="default" onClick={() => setDialog('requestClosure')}>
          {item.programme.requiresClosureApproval
            ? t('cases.actions.requestClosure')
            : t('cases.actions.close')}
        </Button>
      ),
    },
    {
      key: 'reopen',
      show: a.reopen,
      node: (
        <Button variant="default" onClick={() => setDialog('reopen')}>
          {t('cases.actions.reopen')}
        </Button>
      ),
    },
    {
      key: 'reassign',
      show: a.reassign,
      node: (
        <Button variant="subtle" onClick={() => setDialog('reassign')}>
          {t('cases.actions.reassign')}
        </Button>
      ),
    },
    {
      key: 'transfer',
      show: a.transfer,
      node: (
        <Button variant="subtle" onClick={() => setDialog('transfer')}>
          {t('cases.actions.transfer')}
        </Button>
      ),
    },
  ];
  const shown = buttons.filter((b) => b.show);
  if (!shown.length) return null;
  return (
    <Section title={t('cases.actions.title')}>
      <Stack gap="sm">
        {item.planStatus === 'submitted' && (
          <Text size="sm" c="dimmed">
            {t('cases.actions.planUnderReview')}
          </Text>
        )}
        <Group gap="sm">
          {shown.map((b) => (
            <span key={b.key}>{b.node}</span>
          ))}
        </Group>
        <ProblemAlert error={submit.error ?? resume.error} />
      </Stack>
      {dialog && <StepDialog item={item} dialog={dialog} onClose={() => setDialog(null)} />}
    </Section>
  );
}

function StepDialog({
  item,
  dialog,
  onClose,
}: {
  item: CaseDetail;
  dialog: NonNullable<Dialog>;
  onClose: () => void;
}) {
  const t = useT();
  const network = useQuery({ ...networkQuery, enabled: dialog === 'transfer' });
  const [reason, setReason] = useState('');
  const [closureReason, setClosureReason] = useState<ClosureReason | ''>('');
  const [closureOutcome, setClosureOutcome] = useState<ClosureOutcome | ''>('');
  const [target, setTarget] = useState('');
  const mutation = useCaseMutation(
    item.id,
    () => {
      if (dialog === 'reassign')
        return casesApi.reassign(item.id, {
          version: item.version,
          caseworkerId: target,
          reason: reason || null,
        });
      if (dialog === 'transfer')
        return casesApi.requestTransfer(item.id, { version: item.version, toOfficeId: target, reason });
      return casesApi.transition(item.id, {
        version: item.version,
        action: dialog,
        reason: reason || null,
        ...(dialog === 'requestClosure'
          ? { closureReason: closureReason || null, closureOutcome: closureOutcome || null }
          : {}),
      });
    },
    onClose,
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(undefined);
  };
  const fields = ['reason', 'closureReason', 'closureOutcome', 'caseworkerId', 'toOfficeId'];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`cases.dialog.${dialog}.title`)}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit}>
        <Stack gap="md">
          <Text size="sm">{t(`cases.dialog.${dialog}.help`)}</Text>
          {dialog === 'requestClosure' && (
            <>
              <NativeSelect
                label={t('cases.closureReasonLabel')}
                value={closureReason}
                data={[
                  { value: '', label: t('cases.choose') },
                  ...CLOSURE_REASONS.map((value) => ({ value, label: t(`cases.closureReason.${value}`) })),
                ]}
                onChange={(event) => setClosureReason(event.currentTarget.value as ClosureReason)}
                error={fieldError(mutation.error, 'closureReason')}
                required
              />
              <NativeSelect
                label={t('cases.closureOutcomeLabel')}
                value={closureOutcome}
                data={[
                  { value: '', label: t('cases.choose') },
                  ...CLOSURE_OUTCOMES.map((value) => ({ value, label: t(`cases.closureOutcome.${value}`) })),
                ]}
                onChange={(event) => setClosureOutcome(event.currentTarget.value as ClosureOutcome)}
                error={fieldError(mutation.error, 'closureOutcome')}
                required
              />
            </>
          )}
          {dialog === 'reassign' && (
            <NativeSelect
              label={t('cases.dialog.reassign.to')}
              value={target}
              data={[
                { value: '', label: t('cases.choose') },
                ...item.assignableStaff
                  .filter((s) => s.id !== item.caseworker.id)
                  .map((s) => ({ value: s.id, label: s.name })),
              ]}
              onChange={(event) => setTarget(event.currentTarget.value)}
              error={fieldError(mutation.error, 'caseworkerId')}
              required
            />
          )}
          {dialog === 'transfer' && (
            <NativeSelect
              label={t('cases.dialog.transfer.to')}
              value={target}
              data={[
                { value: '', label: t('cases.choose') },
                ...(network.data?.offices ?? [])
                  .filter((o) => o.id !== item.office.id)
                  .map((o) => ({ value: o.id, label: o.name })),
              ]}
              onChange={(event) => setTarget(event.currentTarget.value)}
              error={fieldError(mutation.error, 'toOfficeId')}
              required
            />
          )}
          <Textarea
            label={dialog === 'requestClosure' ? t('cases.closureNote') : t('cases.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError(mutation.error, 'reason')}
            required={dialog === 'hold' || dialog === 'reopen' || dialog === 'transfer'}
            autosize
            minRows={2}
          />
          <ProblemAlert error={mutation.error} fields={fields} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t(`cases.dialog.${dialog}.confirm`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PlanSection({ item }: { item: CaseDetail }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  return (
    <Section title={t('cases.plan.title')}>
      <Stack gap="md">
        {item.plan.goals.length === 0 ? (
          <Text c="dimmed">{t('cases.plan.empty')}</Text>
        ) : (
          <Stack component="ol" gap="md" className="plain-list">
            {item.plan.goals.map((goal) => (
              <GoalItem key={goal.id} item={item} goal={goal} />
            ))}
          </Stack>
        )}
        <OtherReferrals item={item} />
        {item.abilities.changePlan &&
          (adding ? (
            <GoalForm item={item} onDone={() => setAdding(false)} />
          ) : (
            <Group>
              <Button variant="light" onClick={() => setAdding(true)}>
                {t('cases.plan.addGoal')}
              </Button>
            </Group>
          ))}
        {!item.abilities.changePlan && item.abilities.work && item.planStatus === 'submitted' && (
          <Text size="sm" c="dimmed">
            {t('cases.plan.locked')}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

const GOAL_STATUSES = ['open', 'achieved', 'not_achieved', 'cancelled'] as const;

function GoalItem({ item, goal }: { item: CaseDetail; goal: Goal }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const canMarkGoal = item.abilities.work && item.status !== 'closed' && item.status !== 'pending_closure';
  const setStatus = useCaseMutation(item.id, (status: Goal['status']) =>
    casesApi.updateGoal(item.id, goal.id, { version: item.version, status }),
  );
  return (
    <Paper component="li" withBorder p="sm" data-goal={goal.id}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={700} c="ruta.8">
            {t(`needs.dimensions.${goal.dimension}`)}
          </Text>
          <Group gap={4}>
            {goal.status !== 'open' && (
              <Badge color={goal.status === 'achieved' ? 'teal.9' : 'gray.7'}>
                {t(`cases.goalStatus.${goal.status}`)}
              </Badge>
            )}
            {canMarkGoal && (
              <StatusMenu
                label={t('cases.plan.goalStatusMenu', { description: goal.description })}
                current={goal.status}
                statuses={GOAL_STATUSES}
                statusLabel={(status) => t(`cases.goalStatus.${status}`)}
                onPick={(status) => setStatus.mutate(status)}
                disabled={setStatus.isPending}
              />
            )}
          </Group>
        </Group>
        <ProblemAlert error={setStatus.error} />
        <Text fw={600}>{goal.description}</Text>
        {goal.needs.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('cases.plan.forNeeds', { needs: goal.needs.map((n) => n.description).join('; ') })}
          </Text>
        )}
        {goal.actions.length > 0 && (
          <ProgressBar progress={goal.progress} label={t('cases.plan.goalProgress')} />
        )}
        {goal.actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cases.plan.noActions')}
          </Text>
        ) : (
          <Stack component="ul" gap={6} className="plain-list" aria-label={t('cases.plan.actions')}>
            {goal.actions.map((action) => (
              <ActionItem key={action.id} item={item} goal={goal} action={action} />
            ))}
          </Stack>
        )}
        {adding ? (
          <ActionForm item={item} goalId={goal.id} onDone={() => setAdding(false)} />
        ) : (
          <Group gap="xs">
            {item.abilities.changePlan && (
              <Button variant="subtle" size="compact-sm" onClick={() => setAdding(true)}>
                {t('cases.plan.addAction')}
              </Button>
            )}
            <GoalReferButton item={item} goal={goal} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** A small menu to set a status other than the current one (in progress, cancelled, achieved…). */
function StatusMenu<S extends string>({
  label,
  current,
  statuses,
  statusLabel,
  onPick,
  disabled,
}: {
  label: string;
  current: S;
  statuses: readonly S[];
  statusLabel: (status: S) => string;
  onPick: (status: S) => void;
  disabled: boolean;
}) {
  const t = useT();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="compact-sm" aria-label={label} disabled={disabled}>
          {t('cases.plan.changeStatus')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {statuses
          .filter((status) => status !== current)
          .map((status) => (
            <Menu.Item key={status} onClick={() => onPick(status)}>
              {statusLabel(status)}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function ActionItem({
  item,
  goal,
  action,
}: {
  item: CaseDetail;
  goal: Goal;
  action: Goal['actions'][number];
}) {
  const t = useT();
  const format = useFormatters();
  const canMark = item.abilities.work && item.status !== 'closed' && item.status !== 'pending_closure';
  const toggle = useCaseMutation(item.id, (status: ActionStatus) =>
    casesApi.updateAction(item.id, action.id, { version: item.version, status }),
  );
  const responsible =
    action.responsible.kind === 'person'
      ? t('cases.responsible.person')
      : `${t(`cases.responsible.${action.responsible.kind}`)}: ${action.responsible.name ?? ''}`;
  return (
    <li className="case-action" data-action-status={action.status}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Checkbox
          checked={action.status === 'done'}
          disabled={!canMark || toggle.isPending || action.status === 'cancelled'}
          onChange={(event) => toggle.mutate(event.currentTarget.checked ? 'done' : 'pending')}
          style={{ flex: 1, minWidth: 0 }}
          label={action.description}
          description={[
            responsible,
            action.dueOn ? t('cases.plan.due', { date: format.date(`${action.dueOn}T12:00:00`) }) : null,
            action.overdue ? t('cases.plan.overdue') : null,
            action.status === 'in_progress' || action.status === 'cancelled'
              ? t(`cases.actionStatus.${action.status}`)
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        />
        {canMark && (
          <StatusMenu
            label={t('cases.plan.actionStatusMenu', { description: action.description })}
            current={action.status}
            statuses={ACTION_STATUSES}
            statusLabel={(status) => t(`cases.actionStatus.${status}`)}
            onPick={(status) => toggle.mutate(status)}
            disabled={toggle.isPending}
          />
        )}
      </Group>
      <ActionReferrals item={item} goal={goal} action={action} />
      <ProblemAlert error={toggle.error} />
    </li>
  );
}

function GoalForm({ item, onDone }: { item: CaseDetail; onDone: () => void }) {
  const t = useT();
  const [dimension, setDimension] = useState<NeedDimension | ''>('');
  const [description, setDescription] = useState('');
  const [needIds, setNeedIds] = useState<string[]>([]);
  const add = useCaseMutation(
    item.id,
    () =>
      casesApi.addGoal(item.id, {
        version: item.version,
        dimension: dimension as NeedDimension,
        description,
        needIds,
      }),
    onDone,
  );
  const needs = item.needs.filter((n) => !dimension || n.dimension === dimension);
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        add.mutate(undefined);
      }}
      aria-label={t('cases.plan.newGoal')}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('cases.plan.newGoal')}
        </Title>
        <NativeSelect
          label={t('cases.plan.dimension')}
          value={dimension}
          data={[
            { value: '', label: t('cases.choose') },
            ...NEED_DIMENSIONS.map((value) => ({ value, label: t(`needs.dimensions.${value}`) })),
          ]}
          onChange={(event) => setDimension(event.currentTarget.value as NeedDimension)}
          error={fieldError(add.error, 'dimension')}
          required
        />
        <Textarea
          label={t('cases.plan.goalDescription')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError(add.error, 'description')}
          autosize
          minRows={2}
          required
        />
        {needs.length > 0 ? (
          <Checkbox.Group
            label={t('cases.plan.needs')}
            description={t('cases.plan.needsHelp')}
            value={needIds}
            onChange={setNeedIds}
            error={fieldError(add.error, 'needIds')}
          >
            <Stack gap={6} mt={6}>
              {needs.map((need) => (
                <Checkbox
                  key={need.id}
                  value={need.id}
                  label={`${need.description} (${t(`needs.dimensions.${need.dimension}`)})`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cases.plan.noNeeds')}
          </Text>
        )}
        <ProblemAlert error={add.error} fields={['dimension', 'description', 'needIds']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('cases.plan.saveGoal')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ActionForm({ item, goalId, onDone }: { item: CaseDetail; goalId: string; onDone: () => void }) {
  const t = useT();
  const network = useQuery(networkQuery);
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<ResponsibleKind>('caseworker');
  const [organizationId, setOrganizationId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = useCaseMutation(
    item.id,
    () =>
      casesApi.addAction(item.id, {
        version: item.version,
        goalId,
        description,
        responsible: { kind, ...(kind === 'partner' ? { organizationId: organizationId || null } : {}) },
        dueOn: dueOn || null,
      }),
    onDone,
  );
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        add.mutate(undefined);
      }}
      aria-label={t('cases.plan.newAction')}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('cases.plan.newAction')}
        </Title>
        <TextInput
          label={t('cases.plan.actionDescription')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError(add.error, 'description')}
          required
        />
        <NativeSelect
          label={t('cases.plan.responsible')}
          value={kind}
          data={RESPONSIBLE_KINDS.map((value) => ({ value, label: t(`cases.responsible.${value}`) }))}
          onChange={(event) => setKind(event.currentTarget.value as ResponsibleKind)}
        />
        {kind === 'partner' && (
          <NativeSelect
            label={t('cases.plan.partner')}
            value={organizationId}
            data={[
              { value: '', label: t('cases.choose') },
              ...(network.data?.organizations ?? []).map((o) => ({
                value: o.id,
                label: o.shortName || o.name,
              })),
            ]}
            onChange={(event) => setOrganizationId(event.currentTarget.value)}
            error={fieldError(add.error, 'responsible')}
            required
          />
        )}
        <TextInput
          type="date"
          label={t('cases.plan.dueOn')}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          error={fieldError(add.error, 'dueOn')}
        />
        <ProblemAlert error={add.error} fields={['description', 'responsible', 'dueOn']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('cases.plan.saveAction')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const NOTE_COLOR: Record<NoteConfidentiality, string> = {
  normal: 'gray',
  restricted: 'orange',
  sensitive: 'red',
};

/** Notes keep a draft in this browser while they are typed, so a lost connection or a closed tab loses nothing. */
function useNoteDraft(caseId: string) {
  const key = `ruta.case-note.${caseId}`;
  const [body, setBody] = useState(() => {
    try {
      return window.localStorage.getItem(key) ?? '';
    } catch {
      return '';
    }
  });
  useEffect(() => {
    try {
      if (body) window.localStorage.setItem(key, body);
      else window.localStorage.removeItem(key);
    } catch {
      // Storage may be unavailable (private mode); the draft then lives only in the page.
    }
  }, [key, body]);
  return [body, setBody] as const;
}

function NotesSection({ item }: { item: CaseDetail }) {
  const t = useT();
  const format = useFormatters();
  const client = useQueryClient();
  const notes = useQuery(caseNotesQuery(item.id));
  const [body, setBody] = useNoteDraft(item.id);
  const [level, setLevel] = useState<NoteConfidentiality>('normal');
  const add = useMutation({
    mutationFn: () => casesApi.addNote(item.id, { confidentiality: level, body }),
    onSuccess: () => {
      setBody('');
      setLevel('normal');
      void client.invalidateQueries({ queryKey: ['cases', 'notes', item.id] });
      void client.invalidateQueries({ queryKey: ['cases', 'history', item.id] });
    },
  });
  return (
    <Section title={t('cases.notes.title')}>
      <Stack gap="md">
        {item.abilities.writeNotes && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate();
            }}
          >
            <Stack gap="sm">
              <Textarea
                label={t('cases.notes.body')}
                value={body}
                onChange={(event) => setBody(event.currentTarget.value)}
                error={fieldError(add.error, 'body')}
                autosize
                minRows={3}
                required
              />
              <NativeSelect
                label={t('cases.notes.confidentiality')}
                description={t(`cases.notes.levelHelp.${level}`)}
                value={level}
                data={NOTE_CONFIDENTIALITY.map((value) => ({
                  value,
                  label: t(`cases.notes.level.${value}`),
                }))}
                onChange={(event) => setLevel(event.currentTarget.value as NoteConfidentiality)}
              />
              <ProblemAlert error={add.error} fields={['body']} />
              <Group justify="flex-end">
                <Button type="submit" loading={add.isPending}>
                  {t('cases.notes.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {notes.isPending ? (
          <Loader size="sm" aria-label={t('cases.notes.loading')} />
        ) : notes.isError ? (
          <ProblemAlert error={notes.error} />
        ) : notes.data.items.length === 0 ? (
          <Text c="dimmed">{t('cases.notes.none')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {notes.data.items.map((note: CaseNote) => (
              <Paper key={note.id} component="li" withBorder p="sm">
                <Group gap="xs" justify="space-between" mb={4}>
                  <Text size="sm" c="dimmed">
                    {note.author} · {format.dateTime(note.createdAt)}
                  </Text>
                  {note.confidentiality !== 'normal' && (
                    <Badge color={NOTE_COLOR[note.confidentiality]} variant="outline">
                      {t(`cases.notes.level.${note.confidentiality}`)}
                    </Badge>
                  )}
                </Group>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{note.body}</Text>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Section>
  );
}

const KNOWN_EVENTS = [
  'opened',
  'goal_added',
  'goal_changed',
  'goal_status_changed',
  'action_added',
  'action_changed',
  'action_status_changed',
  'plan_submitted',
  'plan_approved',
  'plan_rejected',
  'put_on_hold',
  'resumed',
  'closure_requested',
  'closure_approved',
  'closure_rejected',
  'closed',
  'reopened',
  'reassigned',
  'transfer_requested',
  'transfer_accepted',
  'transfer_refused',
  'note_added',
  'categories_changed',
] as const;

function eventText(t: ReturnType<typeof useT>, event: CaseEvent): string {
  const referral = referralHistoryText(t, event.kind, event.details);
  if (referral) return referral;
  const kind = (KNOWN_EVENTS as readonly string[]).includes(event.kind)
    ? (event.kind as (typeof KNOWN_EVENTS)[number])
    : null;
  if (!kind) return event.kind;
  const details = event.details ?? {};
  if (kind === 'plan_approved' && details.automatic) return t('cases.history.plan_agreed');
  if (kind === 'opened' && details.fromOfficeName)
    return t('arrivals.handoff.historyOpened', { post: String(details.fromOfficeName) });
  if (kind === 'categories_changed') {
    const list = (key: string) =>
      ((details[key] ?? []) as ArrivalCategory[]).map((c) => t(`arrivals.category.${c}`)).join(', ');
    return [
      list('added') && t('cases.categories.historyAdded', { categories: list('added') }),
      list('removed') && t('cases.categories.historyRemoved', { categories: list('removed') }),
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (kind === 'action_status_changed' && details.to === 'done')
    return t('cases.history.action_done', { description: String(details.description ?? '') });
  return t(`cases.history.${kind}`, {
    description: String(details.description ?? ''),
    office: String(details.toOfficeName ?? ''),
  });
}

function HistorySection({ caseId }: { caseId: string }) {
  const t = useT();
  const format = useFormatters();
  const history = useQuery(caseHistoryQuery(caseId));
  return (
    <Section title={t('cases.history.title')}>
      {history.isPending ? (
        <Loader size="sm" aria-label={t('cases.history.loading')} />
      ) : history.isError ? (
        <ProblemAlert error={history.error} />
      ) : (
        <Stack component="ol" gap="xs" className="plain-list case-history">
          {history.data.items.map((event) => (
            <li key={event.id} data-event={event.kind}>
              <Text size="sm">
                <Text span fw={600}>
                  {eventText(t, event)}
                </Text>
                {event.reason ? ` — ${event.reason}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                {event.actor ?? t('cases.history.system')} · {format.dateTime(event.at)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}
