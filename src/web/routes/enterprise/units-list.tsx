import { Anchor, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { CIIU_SECTIONS, UNIT_STAGES, unitsQuery } from '../../api/enterprise';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { label, StageBadge, useDay } from './parts';

export const ENTERPRISE_STAFF = ['office_coordinator', 'caseworker'];

/** `/enterprise`: the productive units of the people the user's offices serve, filtered by stage, sector, place. */
export function ProductiveUnitsPage() {
  const session = useReadySession();
  if (!ENTERPRISE_STAFF.includes(session.user.role)) return <ForbiddenPage />;
  return <ProductiveUnits />;
}

function ProductiveUnits() {
  const t = useT();
  const session = useReadySession();
  const day = useDay();
  useDocumentTitle(t('enterprise.units.title'));
  const [stage, setStage] = useState('');
  const [sector, setSector] = useState('');
  const [municipality, setMunicipality] = useState('');
  const place = /^\d{5}$/.test(municipality) ? municipality : undefined;
  const units = useQuery({
    ...unitsQuery({ stage: stage || undefined, sector: sector || undefined, municipality: place }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={1}>{t('enterprise.units.title')}</Title>
        <Group gap="md">
          <Anchor component={Link} to="/enterprise/courses">
            {t('enterprise.courses.title')}
          </Anchor>
          {session.user.role === 'office_coordinator' && (
            <Anchor component={Link} to="/enterprise/summary">
              {t('enterprise.summary.title')}
            </Anchor>
          )}
        </Group>
      </Group>
      <Text c="dimmed">{t('enterprise.units.intro')}</Text>
      <Group align="end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('enterprise.field.stage')}
          value={stage}
          onChange={(event) => setStage(event.currentTarget.value)}
          data={[
            { value: '', label: t('enterprise.units.any') },
            ...UNIT_STAGES.map((value) => ({ value, label: label(t, 'stage', value) })),
          ]}
        />
        <NativeSelect
          label={t('enterprise.field.sector')}
          value={sector}
          onChange={(event) => setSector(event.currentTarget.value)}
          data={[
            { value: '', label: t('enterprise.units.any') },
            ...CIIU_SECTIONS.map((value) => ({ value, label: `${value} · ${label(t, 'sector', value)}` })),
          ]}
          maw={{ base: '100%', sm: 320 }}
        />
        <TextInput
          label={t('enterprise.field.municipalityCode')}
          description={t('enterprise.units.municipalityHint')}
          value={municipality}
          inputMode="numeric"
          maxLength={5}
          onChange={(event) => setMunicipality(event.currentTarget.value.replace(/\D/g, ''))}
          w={160}
        />
      </Group>
      {units.isError ? (
        <ProblemAlert error={units.error} />
      ) : !units.data ? (
        <Loader aria-label={t('enterprise.loading')} />
      ) : units.data.items.length === 0 ? (
        <Text>{t('enterprise.units.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('enterprise.field.name')}</Table.Th>
                <Table.Th>{t('enterprise.field.owner')}</Table.Th>
                <Table.Th>{t('enterprise.field.sector')}</Table.Th>
                <Table.Th>{t('enterprise.field.stage')}</Table.Th>
                <Table.Th>{t('enterprise.field.municipalityCode')}</Table.Th>
                <Table.Th>{t('enterprise.field.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data.items.map((unit) => (
                <Table.Tr key={unit.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/enterprise/units/${unit.id}`}>
                      {unit.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{unit.ownerName}</Table.Td>
                  <Table.Td>{label(t, 'sector', unit.sector)}</Table.Td>
                  <Table.Td>
                    <StageBadge stage={unit.stage} />
                  </Table.Td>
                  <Table.Td>{unit.municipality?.name ?? '—'}</Table.Td>
                  <Table.Td>{day(unit.updatedAt.slice(0, 10))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
