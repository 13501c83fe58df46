import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ARRIVAL_CATEGORIES, type ArrivalCategory } from '../../api/arrivals';
import { casesApi, programmesQuery, subjectCasesQuery } from '../../api/cases';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ToggleGrid } from '../arrivals/arrival-parts';
import { CaseCard } from './cases-list';

/**
 * The cases of a person or a household (and, on a household, its members'), with their progress, and
 * "Abrir caso" in a programme for the staff who may.
 */
export function CasesSection({
  subjectType,
  subjectId,
}: {
  subjectType: 'person' | 'household';
  subjectId: string;
}) {
  const t = useT();
  const session = useReadySession();
  const enabled = ['caseworker', 'office_coordinator'].includes(session.user.role);
  const cases = useQuery({ ...subjectCasesQuery(subjectType, subjectId), enabled });
  const [opening, setOpening] = useState(false);
  if (!enabled) return null;
  return (
    <Section title={t('cases.section.title')}>
      <Stack gap="sm">
        {cases.isError ? (
          <ProblemAlert error={cases.error} />
        ) : cases.data && cases.data.items.length === 0 ? (
          <Text c="dimmed">{t(`cases.section.none.${subjectType}`)}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {cases.data?.items.map((item) => (
              <CaseCard key={item.id} item={item} />
            ))}
          </Stack>
        )}
        {cases.data?.abilities.open &&
          (opening ? (
            <OpenCaseForm
              subjectType={subjectType}
              subjectId={subjectId}
              onCancel={() => setOpening(false)}
            />
          ) : (
            <Group>
              <Button variant="light" onClick={() => setOpening(true)}>
                {t('cases.section.open')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Section>
  );
}

function OpenCaseForm({
  subjectType,
  subjectId,
  onCancel,
}: {
  subjectType: 'person' | 'household';
  subjectId: string;
  onCancel: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const programmes = useQuery(programmesQuery);
  const [programmeKey, setProgrammeKey] = useState('');
  const [categories, setCategories] = useState<ArrivalCategory[]>([]);
  const chosen = programmes.data?.items.find((p) => p.key === programmeKey);
  const open = useMutation({
    mutationFn: () =>
      casesApi.open({
        ...(subjectType === 'person' ? { personId: subjectId } : { householdId: subjectId }),
        programmeKey,
        categories,
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/cases/${created.id}`);
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        open.mutate();
      }}
      aria-label={t('cases.section.open')}
    >
      <Stack gap="sm">
        <NativeSelect
          label={t('cases.section.programme')}
          value={programmeKey}
          data={[
            { value: '', label: t('cases.choose') },
            ...(programmes.data?.items ?? []).map((p) => ({ value: p.key, label: p.name })),
          ]}
          onChange={(event) => setProgrammeKey(event.currentTarget.value)}
          error={fieldError(open.error, 'programmeKey')}
          description={
            chosen
              ? [
                  chosen.description,
                  chosen.requiresPlanApproval ? t('cases.summary.planApproval') : null,
                  chosen.requiresClosureApproval ? t('cases.summary.closureApproval') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : undefined
          }
          required
        />
        <Text fw={500} size="sm">
          {t('cases.categories.openLabel')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('cases.categories.openHelp')}
        </Text>
        <ToggleGrid
          options={ARRIVAL_CATEGORIES}
          value={categories}
          onChange={setCategories}
          label={t('cases.categories.openLabel')}
          labelOf={(c) => t(`arrivals.category.${c}`)}
        />
        <ProblemAlert error={open.error} fields={['programmeKey']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={open.isPending}>
            {t('cases.section.openConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
