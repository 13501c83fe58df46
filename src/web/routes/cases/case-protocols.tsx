import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ARRIVAL_CATEGORIES, type ArrivalCategory } from '../../api/arrivals';
import { type CaseDetail, caseQuery, casesApi } from '../../api/cases';
import { isProblemOf } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { ToggleGrid } from '../arrivals/arrival-parts';
import { Checklist } from '../arrivals/checklist';

/**
 * The case's vulnerability categories (chips, changed by the case team) and its "hoja de ruta": the tasks the
 * categories' protocols created, ticked here like an arrival's checklist.
 */
export function CaseProtocolSection({ item }: { item: CaseDetail }) {
  const t = useT();
  const client = useQueryClient();
  const [editing, setEditing] = useState<ArrivalCategory[] | null>(null);
  const save = useMutation({
    mutationFn: (categories: ArrivalCategory[]) =>
      casesApi.setCategories(item.id, { version: item.version, categories }),
    onSuccess: (updated) => {
      client.setQueryData(caseQuery(item.id).queryKey, updated);
      void client.invalidateQueries({ queryKey: ['cases'] });
      setEditing(null);
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict')) void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const categories = [...new Set(item.protocolTasks.map((task) => task.protocol?.category))].filter(
    (c): c is ArrivalCategory => Boolean(c),
  );

  return (
    <Section title={t('cases.categories.roadmap')} id="hoja-de-ruta">
      <Stack gap="md">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('cases.categories.title')}
          </Title>
          {editing === null ? (
            <Group gap="xs" align="center">
              {item.categories.length === 0 ? (
                <Text c="dimmed">{t('cases.categories.none')}</Text>
              ) : (
                item.categories.map((category) => (
                  <Badge key={category} variant="light" color="ruta" size="lg" tt="none" maw="100%">
                    {t(`arrivals.category.${category}`)}
                  </Badge>
                ))
              )}
              {item.abilities.setCategories && (
                <Button variant="subtle" size="compact-md" onClick={() => setEditing(item.categories)}>
                  {t('cases.categories.edit')}
                </Button>
              )}
            </Group>
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('cases.categories.help')}
              </Text>
              <ToggleGrid
                options={ARRIVAL_CATEGORIES}
                value={editing}
                onChange={setEditing}
                label={t('cases.categories.title')}
                labelOf={(c) => t(`arrivals.category.${c}`)}
              />
              {save.isError && <ProblemAlert error={save.error} />}
              <Group gap="sm">
                <Button loading={save.isPending} onClick={() => save.mutate(editing)}>
                  {t('cases.categories.save')}
                </Button>
                <Button variant="default" onClick={() => setEditing(null)}>
                  {t('cases.categories.cancel')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
        {categories.length === 0 ? (
          <Text>{t('cases.categories.noSteps')}</Text>
        ) : (
          categories.map((category) => (
            <Stack key={category} gap="xs">
              <Title order={3} size="h4">
                {t(`arrivals.category.${category}`)}
              </Title>
              <Checklist tasks={item.protocolTasks.filter((task) => task.protocol?.category === category)} />
            </Stack>
          ))
        )}
      </Stack>
    </Section>
  );
}
