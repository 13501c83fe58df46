import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  enterpriseApi,
  FINANCING_LINES,
  type Financing,
  SUPPORT_KINDS,
  type UnitDetail,
  unitQuery,
} from '../../api/enterprise';
import { networkQuery } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { FormPanel } from '../../components/form-panel';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { FinancingBadge, formatCop, label, StageBadge, todayInColombia, useDay } from './parts';
import { ENTERPRISE_STAFF } from './units-list';

/** Digits typed into an amount field, as a number (null when empty). */
const amountOf = (text: string) => (text.trim() ? Number(text.replace(/\D/g, '')) : null);
const digitsOnly = (text: string) => text.replace(/\D/g, '');

/** `/enterprise/units/:unitId`: a productive unit, its support and follow-ups, and its financing applications. */
export function ProductiveUnitPage() {
  const session = useReadySession();
  if (!ENTERPRISE_STAFF.includes(session.user.role)) return <ForbiddenPage />;
  return <ProductiveUnit />;
}

function useUnitUpdate(unitId: string) {
  const client = useQueryClient();
  return (unit: UnitDetail) => {
    client.setQueryData(unitQuery(unitId).queryKey, unit);
    void client.invalidateQueries({ queryKey: ['enterprise', 'units'] });
    void client.invalidateQueries({ queryKey: ['enterprise', 'person', unit.personId] });
  };
}

function ProductiveUnit() {
  const t = useT();
  const { unitId = '' } = useParams();
  const unit = useQuery(unitQuery(unitId));
  useDocumentTitle(unit.data?.name ?? t('enterprise.units.title'));
  if (unit.isError) return <ProblemAlert error={unit.error} />;
  if (!unit.data) return <Loader aria-label={t('enterprise.loading')} />;
  const u = unit.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/enterprise">
        ← {t('enterprise.units.title')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{u.name}</Title>
        <Group gap="xs" wrap="wrap">
          <StageBadge stage={u.stage} />
          <Text size="sm">
            {label(t, 'sector', u.sector)}
            {u.municipality ? ` · ${u.municipality.name}` : ''}
          </Text>
        </Group>
        <Text size="sm">
          {t('enterprise.field.owner')}:{' '}
          <Anchor component={Link} to={`/people/${u.personId}`}>
            {u.ownerName}
          </Anchor>
        </Text>
        {u.description && <Text>{u.description}</Text>}
      </Stack>
      <StageMove unit={u} />
      <Timeline unit={u} />
      <FinancingSection unit={u} />
    </Stack>
  );
}

function StageMove({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const update = useUnitUpdate(unit.id);
  const move = useMutation({
    mutationFn: (stage: string) => enterpriseApi.updateUnit(unit.id, { version: unit.version, stage }),
    onSuccess: update,
  });
  if (!unit.nextStages.length) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={500}>
          {t('enterprise.unit.moveTo')}
        </Text>
        {unit.nextStages.map((stage) => (
          <Button
            key={stage}
            size="compact-sm"
            variant={stage === 'closed' ? 'default' : 'light'}
            loading={move.isPending && move.variables === stage}
            onClick={() => move.mutate(stage)}
          >
            {label(t, 'stage', stage)}
          </Button>
        ))}
      </Group>
      <ProblemAlert error={move.error} />
    </Stack>
  );
}

type Entry =
  | { type: 'support'; on: string; item: UnitDetail['supports'][number] }
  | { type: 'followUp'; on: string; item: UnitDetail['followUps'][number] };

function Timeline({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const day = useDay();
  const [adding, setAdding] = useState<'support' | 'followUp' | null>(null);
  const entries: Entry[] = [
    ...unit.supports.map((item) => ({ type: 'support' as const, on: item.providedOn, item })),
    ...unit.followUps.map((item) => ({ type: 'followUp' as const, on: item.visitedOn, item })),
  ].sort((a, b) => b.on.localeCompare(a.on));
  return (
    <Section title={t('enterprise.unit.timeline')}>
      <Stack gap="sm">
        {entries.length === 0 ? (
          <Text c="dimmed">{t('enterprise.unit.noTimeline')}</Text>
        ) : (
          <Stack component="ol" gap="xs" className="plain-list" aria-label={t('enterprise.unit.timeline')}>
            {entries.map((entry) => (
              <Paper component="li" key={entry.item.id} withBorder p="sm">
                <Text size="sm" c="dimmed">
                  {day(entry.on)} · {entry.item.recordedBy}
                </Text>
                {entry.type === 'support' ? (
                  <Text>
                    <strong>{label(t, 'support', entry.item.kind)}</strong>
                    {entry.item.providerName ? ` · ${entry.item.providerName}` : ''}
                    {entry.item.amount !== null ? ` · ${formatCop(entry.item.amount)}` : ''}
                  </Text>
                ) : (
                  <Text>
                    <strong>{t('enterprise.unit.followUp')}</strong> ·{' '}
                    {label(t, 'stage', entry.item.stageAtVisit)}
                    {entry.item.monthlySales !== null
                      ? ` · ${t('enterprise.unit.sales', { amount: formatCop(entry.item.monthlySales) })}`
                      : ''}
                    {entry.item.jobsCreated !== null
                      ? ` · ${t('enterprise.unit.jobs', { count: entry.item.jobsCreated })}`
                      : ''}
                  </Text>
                )}
                {entry.item.notes && <Text size="sm">{entry.item.notes}</Text>}
              </Paper>
            ))}
          </Stack>
        )}
        {adding === 'support' ? (
          <SupportForm unit={unit} onDone={() => setAdding(null)} />
        ) : adding === 'followUp' ? (
          <FollowUpForm unit={unit} onDone={() => setAdding(null)} />
        ) : (
          <Group gap="sm">
            <Button variant="light" onClick={() => setAdding('support')}>
              {t('enterprise.unit.addSupport')}
            </Button>
            <Button variant="light" onClick={() => setAdding('followUp')}>
              {t('enterprise.unit.addFollowUp')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function useOrganizations() {
  const network = useQuery(networkQuery);
  return network.data?.organizations ?? [];
}

function SupportForm({ unit, onDone }: { unit: UnitDetail; onDone: () => void }) {
  const t = useT();
  const update = useUnitUpdate(unit.id);
  const organizations = useOrganizations();
  const [kind, setKind] = useState('training');
  const [provider, setProvider] = useState('');
  const [amount, setAmount] = useState('');
  const [providedOn, setProvidedOn] = useState(todayInColombia());
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () =>
      enterpriseApi.addSupport(unit.id, {
        kind,
        providerOrganizationId: provider || null,
        amount: amountOf(amount),
        providedOn,
        notes,
      }),
    onSuccess: (data) => {
      update(data);
      onDone();
    },
  });
  const fields = ['kind', 'providerOrganizationId', 'amount', 'providedOn', 'notes'];
  return (
    <FormPanel
      title={t('enterprise.unit.addSupport')}
      onSubmit={() => save.mutate()}
      error={save.error}
      fields={fields}
    >
      <NativeSelect
        label={t('enterprise.field.supportKind')}
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value)}
        data={SUPPORT_KINDS.map((value) => ({ value, label: label(t, 'support', value) }))}
        error={fieldError(save.error, 'kind')}
      />
      <NativeSelect
        label={t('enterprise.field.provider')}
        value={provider}
        onChange={(event) => setProvider(event.currentTarget.value)}
        data={[
          { value: '', label: t('enterprise.unit.noProvider') },
          ...organizations.map((o) => ({ value: o.id, label: o.shortName })),
        ]}
        error={fieldError(save.error, 'providerOrganizationId')}
      />
      <TextInput
        label={t('enterprise.field.amount')}
        description={amount ? formatCop(Number(digitsOnly(amount))) : t('enterprise.unit.amountHint')}
        inputMode="numeric"
        value={amount}
        onChange={(event) => setAmount(digitsOnly(event.currentTarget.value))}
        error={fieldError(save.error, 'amount')}
      />
      <TextInput
        type="date"
        label={t('enterprise.field.providedOn')}
        value={providedOn}
        onChange={(event) => setProvidedOn(event.currentTarget.value)}
        error={fieldError(save.error, 'providedOn')}
        required
      />
      <Textarea
        label={t('enterprise.field.notes')}
        value={notes}
        onChange={(event) => setNotes(event.currentTarget.value)}
        error={fieldError(save.error, 'notes')}
        autosize
        minRows={2}
      />
      <Group gap="sm">
        <Button type="submit" loading={save.isPending}>
          {t('enterprise.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('enterprise.cancel')}
        </Button>
      </Group>
    </FormPanel>
  );
}

function FollowUpForm({ unit, onDone }: { unit: UnitDetail; onDone: () => void }) {
  const t = useT();
  const update = useUnitUpdate(unit.id);
  const [visitedOn, setVisitedOn] = useState(todayInColombia());
  const [sales, setSales] = useState('');
  const [jobs, setJobs] = useState('');
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () =>
      enterpriseApi.addFollowUp(unit.id, {
        visitedOn,
        monthlySales: amountOf(sales),
        jobsCreated: amountOf(jobs),
        notes,
      }),
    onSuccess: (data) => {
      update(data);
      onDone();
    },
  });
  return (
    <FormPanel
      title={t('enterprise.unit.addFollowUp')}
      onSubmit={() => save.mutate()}
      error={save.error}
      fields={['visitedOn', 'monthlySales', 'jobsCreated', 'notes']}
    >
      <TextInput
        type="date"
        label={t('enterprise.field.visitedOn')}
        value={visitedOn}
        onChange={(event) => setVisitedOn(event.currentTarget.value)}
        error={fieldError(save.error, 'visitedOn')}
        required
      />
      <TextInput
        label={t('enterprise.field.monthlySales')}
        description={sales ? formatCop(Number(sales)) : t('enterprise.unit.amountHint')}
        inputMode="numeric"
        value={sales}
        onChange={(event) => setSales(digitsOnly(event.currentTarget.value))}
        error={fieldError(save.error, 'monthlySales')}
      />
      <TextInput
        label={t('enterprise.field.jobsCreated')}
        inputMode="numeric"
        value={jobs}
        onChange={(event) => setJobs(digitsOnly(event.currentTarget.value))}
        error={fieldError(save.error, 'jobsCreated')}
      />
      <Textarea
        label={t('enterprise.field.notes')}
        value={notes}
        onChange={(event) => setNotes(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group gap="sm">
        <Button type="submit" loading={save.isPending}>
          {t('enterprise.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('enterprise.cancel')}
        </Button>
      </Group>
    </FormPanel>
  );
}

function FinancingSection({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const [filing, setFiling] = useState(false);
  return (
    <Section title={t('enterprise.financing.title')}>
      <Stack gap="sm">
        {unit.financing.length === 0 ? (
          <Text c="dimmed">{t('enterprise.financing.none')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {unit.financing.map((application) => (
              <FinancingCard key={application.id} application={application} unitId={unit.id} />
            ))}
          </Stack>
        )}
        {filing ? (
          <FinancingForm unit={unit} onDone={() => setFiling(false)} />
        ) : (
          unit.stage !== 'closed' && (
            <Group>
              <Button variant="light" onClick={() => setFiling(true)}>
                {t('enterprise.financing.file')}
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Section>
  );
}

/** An application and its next steps; on the intermediary's page (`showUnit`) it names the unit and its owner. */
export function FinancingCard({
  application: a,
  unitId,
  showUnit = false,
}: {
  application: Financing;
  unitId: string;
  showUnit?: boolean;
}) {
  const t = useT();
  const day = useDay();
  const client = useQueryClient();
  const [next, setNext] = useState('');
  const [approved, setApproved] = useState('');
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: () =>
      enterpriseApi.updateFinancing(a.id, {
        version: a.version,
        status: next,
        ...(next === 'approved' && { amountApproved: amountOf(approved), approvalNote: note || null }),
      }),
    onSuccess: () => {
      setNext('');
      void client.invalidateQueries({ queryKey: ['enterprise', 'unit', unitId] });
      if (showUnit) void client.invalidateQueries({ queryKey: ['enterprise', 'financing'] });
    },
  });
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-label={showUnit ? `${a.unitName} · ${label(t, 'line', a.line)}` : label(t, 'line', a.line)}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{label(t, 'line', a.line)}</Text>
          <FinancingBadge status={a.status} />
        </Group>
        {showUnit ? (
          <Text size="sm">
            {t('enterprise.financingInbox.unit')}: {a.unitName}
            {' · '}
            {a.ownerName ?? t('enterprise.financingInbox.ownerHidden')}
          </Text>
        ) : (
          <Text size="sm">
            {t('enterprise.financing.intermediary')}: {a.intermediaryName}
          </Text>
        )}
        {showUnit && a.notes && <Text size="sm">{a.notes}</Text>}
        <Text size="sm">
          {t('enterprise.financing.requested')}: <strong>{formatCop(a.amountRequested)}</strong>
          {a.amountApproved !== null && (
            <>
              {' · '}
              {t('enterprise.financing.approved')}: <strong>{formatCop(a.amountApproved)}</strong>
            </>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {[
            a.submittedOn && t('enterprise.financing.submittedOn', { day: day(a.submittedOn) }),
            a.decidedOn && t('enterprise.financing.decidedOn', { day: day(a.decidedOn) }),
            a.disbursedOn && t('enterprise.financing.disbursedOn', { day: day(a.disbursedOn) }),
          ]
            .filter(Boolean)
            .join(' · ') || t('enterprise.financing.notSubmitted')}
        </Text>
        {a.approvalNote && <Text size="sm">{a.approvalNote}</Text>}
        {a.nextStatuses.length > 0 && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (next) move.mutate();
            }}
          >
            <Stack gap="xs">
              <ProblemAlert error={move.error} fields={['status', 'amountApproved', 'approvalNote', 'on']} />
              <Group align="end" gap="sm" wrap="wrap">
                <NativeSelect
                  label={t('enterprise.financing.nextStatus')}
                  value={next}
                  onChange={(event) => setNext(event.currentTarget.value)}
                  data={[
                    { value: '', label: t('enterprise.financing.choose') },
                    ...a.nextStatuses.map((value) => ({ value, label: label(t, 'financingStatus', value) })),
                  ]}
                  error={fieldError(move.error, 'status') ?? fieldError(move.error, 'on')}
                />
                {next === 'approved' && (
                  <TextInput
                    label={t('enterprise.financing.amountApproved')}
                    description={approved ? formatCop(Number(approved)) : undefined}
                    inputMode="numeric"
                    value={approved}
                    onChange={(event) => setApproved(digitsOnly(event.currentTarget.value))}
                    error={fieldError(move.error, 'amountApproved')}
                  />
                )}
                <Button type="submit" variant="light" disabled={!next} loading={move.isPending}>
                  {t('enterprise.financing.update')}
                </Button>
              </Group>
              {next === 'approved' && (
                <TextInput
                  label={t('enterprise.financing.approvalNote')}
                  description={t('enterprise.financing.approvalNoteHint')}
                  value={note}
                  onChange={(event) => setNote(event.currentTarget.value)}
                  error={fieldError(move.error, 'approvalNote')}
                />
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function FinancingForm({ unit, onDone }: { unit: UnitDetail; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const organizations = useOrganizations();
  const [line, setLine] = useState('microcredit');
  const [intermediary, setIntermediary] = useState('');
  const [amount, setAmount] = useState('');
  const [submitNow, setSubmitNow] = useState(true);
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () =>
      enterpriseApi.createFinancing(unit.id, {
        line,
        intermediaryOrganizationId: intermediary,
        amountRequested: amountOf(amount) ?? 0,
        status: submitNow ? 'submitted' : 'draft',
        notes,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['enterprise', 'unit', unit.id] });
      onDone();
    },
  });
  const lenders = organizations.filter((o) =>
    ['financial_institution', 'ngo', 'public_entity'].includes(o.kind),
  );
  return (
    <FormPanel
      title={t('enterprise.financing.file')}
      onSubmit={() => save.mutate()}
      error={save.error}
      fields={['line', 'intermediaryOrganizationId', 'amountRequested', 'notes']}
    >
      <NativeSelect
        label={t('enterprise.field.line')}
        value={line}
        onChange={(event) => setLine(event.currentTarget.value)}
        data={FINANCING_LINES.map((value) => ({ value, label: label(t, 'line', value) }))}
      />
      <NativeSelect
        label={t('enterprise.financing.intermediary')}
        value={intermediary}
        onChange={(event) => setIntermediary(event.currentTarget.value)}
        data={[
          { value: '', label: t('enterprise.financing.choose') },
          ...lenders.map((o) => ({ value: o.id, label: o.shortName })),
        ]}
        error={fieldError(save.error, 'intermediaryOrganizationId')}
        required
      />
      <TextInput
        label={t('enterprise.financing.amountRequested')}
        description={amount ? formatCop(Number(amount)) : t('enterprise.unit.amountHint')}
        inputMode="numeric"
        value={amount}
        onChange={(event) => setAmount(digitsOnly(event.currentTarget.value))}
        error={fieldError(save.error, 'amountRequested')}
        required
      />
      <Checkbox
        label={t('enterprise.financing.submitNow')}
        checked={submitNow}
        onChange={(event) => setSubmitNow(event.currentTarget.checked)}
      />
      <Textarea
        label={t('enterprise.field.notes')}
        value={notes}
        onChange={(event) => setNotes(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group gap="sm">
        <Button type="submit" loading={save.isPending}>
          {t('enterprise.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('enterprise.cancel')}
        </Button>
      </Group>
    </FormPanel>
  );
}
