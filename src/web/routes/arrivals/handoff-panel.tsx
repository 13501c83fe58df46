import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ArrivalDetail, arrivalQuery } from '../../api/arrivals';
import { programmesQuery } from '../../api/cases';
import { isProblemOf } from '../../api/client';
import { arrivalHandoffQuery, handoffApi } from '../../api/handoff';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';

/** The programme a deported or returning traveller usually starts in: immediate assistance. */
const DEFAULT_PROGRAMME = 'plan-retorno-atencion-inmediata';

/**
 * "Remitir a una Oficina de Atención al Migrante" on the arrival page: the post's staff choose the office and the
 * programme, which opens the traveller's case there. Once done, a summary without a link (the post may not read
 * the case). Nothing for an arrival still waiting to be received.
 */
export function HandoffPanel({ arrival }: { arrival: ArrivalDetail }) {
  const t = useT();
  const format = useFormatters();
  const query = useQuery({ ...arrivalHandoffQuery(arrival.id), enabled: arrival.status === 'received' });
  if (arrival.status !== 'received' || !query.data) return null;
  const { handoff, abilities, blockedBy } = query.data;
  if (!handoff && !abilities.handoff && blockedBy !== 'noPerson') return null;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="handoff-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="handoff-heading">
          {t('arrivals.handoff.title')}
        </Title>
        {handoff ? (
          <Stack gap={4}>
            <Text fw={600}>
              {t('arrivals.handoff.done', {
                office: handoff.office.name,
                date: format.dateTime(handoff.handedOffAt),
              })}
            </Text>
            <Text size="sm">{t('arrivals.handoff.programme', { programme: handoff.programme.name })}</Text>
            {handoff.handedOffBy && (
              <Text size="sm" c="dimmed">
                {t('arrivals.handoff.by', { name: handoff.handedOffBy })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('arrivals.handoff.noAccess')}
            </Text>
          </Stack>
        ) : blockedBy === 'noPerson' ? (
          <Text c="dimmed">{t('arrivals.handoff.needsPerson')}</Text>
        ) : (
          <HandoffForm arrival={arrival} offices={query.data.offices} version={query.data.arrivalVersion} />
        )}
      </Stack>
    </Paper>
  );
}

function HandoffForm({
  arrival,
  offices,
  version,
}: {
  arrival: ArrivalDetail;
  offices: Array<{ id: string; name: string; kind: string }>;
  version: number;
}) {
  const t = useT();
  const client = useQueryClient();
  const programmes = useQuery(programmesQuery);
  const [officeId, setOfficeId] = useState('');
  const [programmeKey, setProgrammeKey] = useState(DEFAULT_PROGRAMME);
  const handOff = useMutation({
    mutationFn: () => handoffApi.handOff(arrival.id, { version, officeId, programmeKey }),
    onSuccess: (data) => {
      client.setQueryData(arrivalHandoffQuery(arrival.id).queryKey, data);
      void client.invalidateQueries({ queryKey: arrivalQuery(arrival.id).queryKey });
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict'))
        void client.invalidateQueries({ queryKey: ['arrivals', arrival.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    handOff.mutate();
  };
  const byKind = (kind: string) =>
    offices.filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name }));
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('arrivals.handoff.intro')}
        </Text>
        <NativeSelect
          size="md"
          label={t('arrivals.handoff.office')}
          value={officeId}
          onChange={(event) => setOfficeId(event.currentTarget.value)}
          data={[
            { value: '', label: t('arrivals.handoff.chooseOffice') },
            {
              group: t('arrivals.handoff.kind.migrant_assistance_office'),
              items: byKind('migrant_assistance_office'),
            },
            { group: t('arrivals.handoff.kind.one_stop_centre'), items: byKind('one_stop_centre') },
          ]}
          error={fieldError(handOff.error, 'officeId')}
          required
        />
        <NativeSelect
          size="md"
          label={t('arrivals.handoff.programmeLabel')}
          value={programmeKey}
          onChange={(event) => setProgrammeKey(event.currentTarget.value)}
          data={(programmes.data?.items ?? [{ key: DEFAULT_PROGRAMME, name: '…' }]).map((p) => ({
            value: p.key,
            label: p.name,
          }))}
          error={fieldError(handOff.error, 'programmeKey')}
          required
        />
        <ProblemAlert error={handOff.error} fields={['officeId', 'programmeKey']} />
        <Group>
          <Button type="submit" size="lg" loading={handOff.isPending}>
            {t('arrivals.handoff.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
