import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { householdNeedsQuery, NEED_DIMENSIONS, type Need } from '../../api/characterization';
import type { HouseholdMember } from '../../api/people';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { AddNeed, NeedItem, type NeedSubject } from './needs-section';

const isOpen = (need: Need) => need.status === 'identified' || need.status === 'in_progress';

/**
 * "Necesidades del hogar" on the household page: the household's own needs and those of its current members,
 * grouped by dimension, each saying whose it is; a status select per need and a form to record one for the
 * household or a member.
 */
export function HouseholdNeedsSection({
  householdId,
  members,
}: {
  householdId: string;
  members: HouseholdMember[];
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const needs = useQuery(householdNeedsQuery(householdId));
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['needs'] });
  const items = needs.data?.items ?? [];
  const names = new Map(members.map((member) => [member.personId, member.displayName]));
  const subjectOf = (need: Need) =>
    need.personId
      ? (names.get(need.personId) ?? t('needs.household.formerMember'))
      : t('needs.household.wholeHousehold');
  const subjects: NeedSubject[] = [
    { householdId, label: t('needs.household.wholeHousehold') },
    ...members.map((member) => ({ personId: member.personId, label: member.displayName })),
  ];
  const dimensions = NEED_DIMENSIONS.filter((dimension) =>
    items.some((need) => need.dimension === dimension),
  );
  const open = items.filter(isOpen).length;

  return (
    <Section title={t('needs.household.title')} id="necesidades">
      {needs.isError && <ProblemAlert error={needs.error} />}
      {needs.data && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {items.length === 0
              ? t('needs.household.none')
              : t('needs.household.summary', { count: items.length, open })}
          </Text>
          {dimensions.map((dimension) => {
            const ofDimension = items.filter((need) => need.dimension === dimension);
            const openHere = ofDimension.filter(isOpen).length;
            return (
              <Stack
                key={dimension}
                gap="xs"
                component="section"
                aria-label={t(`needs.dimensions.${dimension}`)}
              >
                <Group gap="xs">
                  <Title order={3} size="h5">
                    {t(`needs.dimensions.${dimension}`)}
                  </Title>
                  {openHere > 0 && (
                    <Text size="sm" c="dimmed">
                      ({t('needs.openCount', { count: openHere })})
                    </Text>
                  )}
                </Group>
                <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                  {ofDimension.map((need) => (
                    <NeedItem
                      key={need.id}
                      need={need}
                      subject={subjectOf(need)}
                      canUpdate={needs.data.abilities.create}
                      onChanged={refresh}
                    />
                  ))}
                </Stack>
              </Stack>
            );
          })}
          {needs.data.abilities.create &&
            (adding ? (
              <AddNeed
                subjects={subjects}
                onDone={() => {
                  setAdding(false);
                  void refresh();
                }}
              />
            ) : (
              <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
                {t('needs.add')}
              </Button>
            ))}
        </Stack>
      )}
    </Section>
  );
}
