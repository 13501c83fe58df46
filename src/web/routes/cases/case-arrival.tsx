import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { caseArrivalQuery } from '../../api/handoff';
import { useFormatters } from '../../components/formatters';
import { Section } from '../../components/section';
import { useT } from '../../i18n';

/**
 * How the person of a case arrived, when the case came from an arrival post: "Llegó por … el … (deportación)", its
 * categories and what the post provided. Nothing for a case opened at the office, or when it may not be read.
 */
export function CaseArrivalSection({ caseId }: { caseId: string }) {
  const t = useT();
  const format = useFormatters();
  const query = useQuery(caseArrivalQuery(caseId));
  const arrival = query.data?.arrival;
  if (!arrival) return null;
  const categories = arrival.categories.map((c) => t(`arrivals.category.${c}`));
  return (
    <Section title={t('arrivals.handoff.caseTitle')}>
      <Stack gap="xs">
        <Text fw={600}>
          {t('arrivals.handoff.arrived', {
            post: arrival.postName,
            date: arrival.receivedAt ? format.dateTime(arrival.receivedAt) : '—',
          })}
          {categories.length > 0 ? ` (${categories.join(', ').toLocaleLowerCase()})` : ''}
        </Text>
        <Text size="sm">
          {[
            arrival.kind === 'announced'
              ? t('arrivals.handoff.announced', {
                  by: arrival.announcedBy ? t(`arrivals.announcer.${arrival.announcedBy}`) : '—',
                })
              : t('arrivals.handoff.found'),
            arrival.flightOrCrossing &&
              `${arrival.transport === 'air' ? t('arrivals.field.flight') : t('arrivals.field.crossing')}: ${arrival.flightOrCrossing}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="sm">
          {arrival.provided.length > 0
            ? t('arrivals.page.provided', {
                list: arrival.provided.map((p) => t(`arrivals.provision.${p}`)).join(', '),
              }) + (arrival.shelterPlace ? ` (${arrival.shelterPlace})` : '')
            : t('arrivals.handoff.nothingProvided')}
        </Text>
        {arrival.handedOffAt && (
          <Text size="sm" c="dimmed">
            {t('arrivals.handoff.referredBy', {
              name: arrival.handedOffBy ?? '—',
              date: format.dateTime(arrival.handedOffAt),
            })}
          </Text>
        )}
      </Stack>
    </Section>
  );
}
