import {
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  assessmentApi,
  type Indicator,
  indicatorQuery,
  localized,
  programmesFor,
  programmesQuery,
} from '../../api/assessment';
import { networkQuery } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, useT } from '../../i18n';
import { useReadySession } from '../../session/session';

const INSTRUMENT = 'hogar_integracion';
const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

type Row = Indicator['rows'][number];

/** Who may set an office's target: the administrator for every office, a coordinator for their own. */
function useTargetOffices(): (officeId: string) => boolean {
  const { user } = useReadySession();
  return (officeId) =>
    user.role === 'network_admin' ||
    (user.role === 'office_coordinator' && user.officeIds.includes(officeId));
}

/** `/indicators/integration`: share of households at the top level per office and programme, against the target. */
export function IndicatorPage() {
  const t = useT();
  const language = currentLanguage();
  useDocumentTitle(t('assessment.indicator.title'));
  const indicator = useQuery(indicatorQuery(INSTRUMENT, language));
  const canSet = useTargetOffices();
  const { user } = useReadySession();
  const setsTargets = user.role === 'network_admin' || user.role === 'office_coordinator';
  const level = localized(indicator.data?.topLevel?.label, language);
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <Title order={1}>{t('assessment.indicator.title')}</Title>
        <Text c="dimmed">{t('assessment.indicator.intro', { level: level || '—' })}</Text>
      </Stack>
      {indicator.isPending && <Loader size="sm" aria-label={t('assessment.loading')} />}
      {indicator.isError && <ProblemAlert error={indicator.error} />}
      {indicator.data && indicator.data.rows.length === 0 && <Text>{t('assessment.indicator.empty')}</Text>}
      {indicator.data && indicator.data.rows.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {indicator.data.rows.map((row) => (
            <IndicatorCard
              key={`${row.officeId}/${row.programme}`}
              row={row}
              level={level}
              canSetTarget={canSet(row.officeId)}
            />
          ))}
        </Stack>
      )}
      {setsTargets && indicator.data && <NewTarget />}
    </Stack>
  );
}

function programmeLabel(row: Row, t: ReturnType<typeof useT>): string {
  if (!row.programme) return t('assessment.indicator.noProgramme');
  return row.programmeName ?? row.programme;
}

function IndicatorCard({ row, level, canSetTarget }: { row: Row; level: string; canSetTarget: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const reached = row.share !== null && row.target !== null && row.share >= row.target;
  const programme = programmeLabel(row, t);
  return (
    <Paper component="li" withBorder p="md" aria-label={`${row.officeName} · ${programme}`}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={0} miw={0}>
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {row.officeName}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('assessment.indicator.programme')}: {programme}
          </Text>
        </Stack>
        <Text fz={28} fw={700} lh={1} style={{ whiteSpace: 'nowrap' }}>
          {pct(row.share)}
        </Text>
      </Group>
      <Progress
        my="xs"
        value={(row.share ?? 0) * 100}
        aria-hidden
        color={row.target === null ? 'teal' : reached ? 'green' : 'orange'}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {t('assessment.indicator.count', { at: row.atTopLevel, of: row.households, level })}
        </Text>
        <Group gap="xs">
          {row.target === null ? (
            <Text size="sm" c="dimmed">
              {t('assessment.indicator.noTarget')}
            </Text>
          ) : (
            <Badge color={reached ? 'green' : 'orange'} variant="light">
              {t(reached ? 'assessment.indicator.reached' : 'assessment.indicator.below', {
                target: pct(row.target),
              })}
            </Badge>
          )}
          {canSetTarget && !editing && (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setEditing(true)}
              aria-label={t('assessment.targets.changeFor', { office: row.officeName, programme })}
            >
              {row.target === null ? t('assessment.targets.set') : t('assessment.targets.change')}
            </Button>
          )}
        </Group>
      </Group>
      {editing && (
        <TargetForm
          officeId={row.officeId}
          programme={row.programme}
          current={row.target}
          onDone={() => setEditing(false)}
        />
      )}
    </Paper>
  );
}

/** The share as a percentage the user types, checked before it is sent (the server checks it again). */
function TargetForm({
  officeId,
  programme,
  current,
  onDone,
}: {
  officeId: string;
  programme: string;
  current: number | null;
  onDone?: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState<number | string>(current === null ? '' : Math.round(current * 100));
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: (targetShare: number) =>
      assessmentApi.setTarget({ officeId, programme, instrumentKey: INSTRUMENT, targetShare }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['assessment', 'indicator'] });
      onDone?.();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const value = typeof percent === 'number' ? percent : Number.NaN;
    if (percent === '' || Number.isNaN(value) || value < 0 || value > 100) {
      setError(t('assessment.targets.range'));
      return;
    }
    setError(undefined);
    save.mutate(Math.round(value) / 100);
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="sm">
        {save.isError && <ProblemAlert error={save.error} fields={['targetShare']} />}
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t('assessment.targets.share')}
            description={t('assessment.targets.shareHelp')}
            value={percent}
            onChange={setPercent}
            min={0}
            max={100}
            step={5}
            suffix=" %"
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            w={{ base: '100%', xs: 240 }}
            error={error ?? fieldError(save.error, 'targetShare')}
          />
          <Button type="submit" loading={save.isPending}>
            {t('assessment.targets.save')}
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone}>
              {t('assessment.targets.cancel')}
            </Button>
          )}
        </Group>
        {save.isSuccess && !onDone && (
          <Text size="sm" c="teal.9" role="status">
            {t('assessment.targets.saved', { target: pct(save.variables ?? null) })}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** A target for an office and programme that has no card yet (nothing measured there so far). */
function NewTarget() {
  const t = useT();
  const language = currentLanguage();
  const { user } = useReadySession();
  const network = useQuery(networkQuery);
  const programmes = useQuery(programmesQuery(language));
  const offices = (network.data?.offices ?? []).filter(
    (office) => user.role === 'network_admin' || user.officeIds.includes(office.id),
  );
  const [officeId, setOfficeId] = useState<string>('');
  const [programme, setProgramme] = useState('');
  const chosenOffice = officeId || offices[0]?.id || '';
  const options = programmesFor(programmes.data?.items, [INSTRUMENT]);
  return (
    <Section title={t('assessment.targets.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('assessment.targets.intro')}
        </Text>
        {programmes.isError && <ProblemAlert error={programmes.error} />}
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))',
            gap: 'var(--mantine-spacing-md)',
          }}
        >
          {offices.length > 1 ? (
            <NativeSelect
              miw={0}
              label={t('assessment.targets.office')}
              value={chosenOffice}
              data={offices.map((office) => ({ value: office.id, label: office.name }))}
              onChange={(event) => setOfficeId(event.currentTarget.value)}
            />
          ) : (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('assessment.targets.office')}
              </Text>
              <Text>{offices[0]?.name}</Text>
            </Stack>
          )}
          <NativeSelect
            miw={0}
            label={t('assessment.targets.programme')}
            value={programme}
            data={[
              { value: '', label: t('assessment.indicator.noProgramme') },
              ...options.map((p) => ({ value: p.key, label: p.name })),
            ]}
            onChange={(event) => setProgramme(event.currentTarget.value)}
          />
        </div>
        {chosenOffice && (
          <TargetForm
            key={`${chosenOffice}/${programme}`}
            officeId={chosenOffice}
            programme={programme}
            current={null}
          />
        )}
      </Stack>
    </Section>
  );
}
