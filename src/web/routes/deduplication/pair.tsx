import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type DedupPair,
  type DedupPairPerson,
  decideDedupPair,
  dedupPairQuery,
} from '../../api/deduplication';
import { formatCalendarDate } from '../../api/registration';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, LOCALE_TAGS, type TranslationKey, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { useSignedWeight } from '../people/match-explanation';
import { usePercent } from './deduplication';

type Translate = ReturnType<typeof useT>;

/** What each model field shows of a record, to read the two side by side. */
function fieldValue(t: Translate, field: string, person: DedupPairPerson): string {
  switch (field) {
    case 'givenNames':
      return [person.givenName1, person.givenName2].filter(Boolean).join(' ');
    case 'surnames':
      return [person.surname1, person.surname2].filter(Boolean).join(' ');
    case 'birthDate':
      return person.birthDate ? formatCalendarDate(person.birthDate, LOCALE_TAGS[currentLanguage()]) : '';
    case 'document':
      return person.documents.map((d) => `${d.type} ${d.number}`).join(', ');
    case 'sex':
      return person.sexAtBirth ? t(`people.sex.${person.sexAtBirth}` as TranslationKey) : '';
    case 'municipality':
      return person.municipality?.name ?? '';
    default:
      return '';
  }
}

/** The largest weight a bar shows at full length; heavier fields are drawn full. */
const BAR_SCALE = 12;

/**
 * `/deduplication/pairs/:pairId`: the two records side by side, field by field, with how each field compared and
 * how much it weighed for (teal) or against (red) being one person; the total and the probability; the veto if
 * any; and the decision. "Same person" leads to the existing merge screen; nothing is merged here.
 */
export function DedupPairPage() {
  const t = useT();
  useDocumentTitle(t('deduplication.pair.title'));
  const { pairId = '' } = useParams();
  const { user } = useReadySession();
  const pair = useQuery({ ...dedupPairQuery(pairId), enabled: user.role === 'office_coordinator' });
  if (user.role !== 'office_coordinator') return <ForbiddenPage />;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {pair.data && (
          <Anchor component={Link} to={`/deduplication/runs/${pair.data.runId}`} size="sm">
            {t('deduplication.pair.back')}
          </Anchor>
        )}
        <Title order={1}>{t('deduplication.pair.heading')}</Title>
      </Stack>
      {pair.isPending && <Loader size="sm" aria-label={t('deduplication.loading')} />}
      {pair.isError && <ProblemAlert error={pair.error} />}
      {pair.data && <PairView pair={pair.data} />}
    </Stack>
  );
}

function PairView({ pair }: { pair: DedupPair }) {
  const t = useT();
  const percent = usePercent();
  const signed = useSignedWeight();
  const [a, b] = pair.persons;
  const { explanation } = pair;
  return (
    <>
      <Section title={t('deduplication.pair.summaryTitle')}>
        <Stack gap="xs">
          <Group gap="sm">
            <Badge variant="filled" tt="none" color={pair.decisionClass === 'same' ? 'indigo.9' : 'blue.9'}>
              {t(`deduplication.class.${pair.decisionClass}`)}
            </Badge>
            <Badge variant="outline" tt="none" color="gray.8">
              {t(`deduplication.pairStatus.${pair.status}`)}
            </Badge>
          </Group>
          <Text size="lg" fw={700} data-testid="pair-probability">
            {t('deduplication.pair.total', {
              weight: signed(explanation.totalWeight),
              probability: percent.format(explanation.probability),
            })}
          </Text>
          {explanation.veto && (
            <Alert color="red" variant="light" title={t('deduplication.pair.vetoTitle')}>
              {t('deduplication.pair.veto')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {[a, b].map((person, index) => (
              <Paper key={person.id} withBorder p="sm">
                <Text size="xs" c="dimmed">
                  {t(index === 0 ? 'deduplication.pair.recordA' : 'deduplication.pair.recordB')}
                </Text>
                <Anchor
                  component={Link}
                  to={`/people/${person.id}`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {person.displayName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {person.offices.map((office) => office.name).join(', ')}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      </Section>

      <Section title={t('deduplication.pair.fieldsTitle')}>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {explanation.fields.map((field) => {
            const weight = field.weight + field.tfAdjustment;
            const empty = field.label === 'null';
            const color = weight > 0 ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-red-9)';
            const length = Math.min(100, (Math.abs(weight) / BAR_SCALE) * 100);
            return (
              <Paper key={field.field} component="li" withBorder p="sm" data-field={field.field}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Stack gap={0}>
                    <Text fw={600} size="sm">
                      {t(`matchExplanation.field.${field.field}` as TranslationKey, {
                        defaultValue: field.field,
                      })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {empty
                        ? t('deduplication.pair.notCompared')
                        : t(`matchExplanation.level.${field.field}.${field.label}` as TranslationKey, {
                            defaultValue: field.label,
                          })}
                    </Text>
                  </Stack>
                  <Text
                    size="sm"
                    fw={700}
                    c={empty || Math.abs(weight) < 0.05 ? 'dimmed' : weight > 0 ? 'teal.9' : 'red.9'}
                    style={{ whiteSpace: 'nowrap' }}
                    aria-label={t('deduplication.pair.weightLabel', { weight: signed(weight) })}
                  >
                    {signed(weight)}
                  </Text>
                </Group>
                {!empty && (
                  <Box
                    aria-hidden
                    mt={6}
                    h={6}
                    style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 3, overflow: 'hidden' }}
                  >
                    <Box h={6} style={{ width: `${length}%`, background: color, borderRadius: 3 }} />
                  </Box>
                )}
                {field.field !== 'transposed' && (
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} mt={6}>
                    {[a, b].map((person, index) => (
                      <Text key={person.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        <Text span size="xs" c="dimmed">
                          {t(index === 0 ? 'deduplication.pair.recordA' : 'deduplication.pair.recordB')}:{' '}
                        </Text>
                        {fieldValue(t, field.field, person) || '—'}
                      </Text>
                    ))}
                  </SimpleGrid>
                )}
              </Paper>
            );
          })}
          <Text size="sm" c="dimmed" component="li">
            {t('deduplication.pair.prior', { weight: signed(explanation.priorWeight) })}
          </Text>
        </Stack>
      </Section>

      <Decision pair={pair} />
    </>
  );
}

function Decision({ pair }: { pair: DedupPair }) {
  const t = useT();
  const formatters = useFormatters();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(pair.note ?? '');
  const decide = useMutation({
    mutationFn: (decision: 'same' | 'different' | 'unsure') =>
      decideDedupPair(pair.id, { decision, note: note.trim() || null, version: pair.version }),
    onSuccess: (data) => {
      queryClient.setQueryData(dedupPairQuery(pair.id).queryKey, data);
      void queryClient.invalidateQueries({ queryKey: ['deduplication', 'runs', pair.runId, 'pairs'] });
    },
  });
  const [a, b] = pair.persons;
  return (
    <Section title={t('deduplication.pair.decisionTitle')}>
      <Stack gap="sm">
        {pair.decidedBy && pair.decidedAt && (
          <Text size="sm" role="status">
            {t('deduplication.pair.decided', {
              status: t(`deduplication.pairStatus.${pair.status}`),
              name: pair.decidedBy.displayName,
              when: formatters.dateTime(pair.decidedAt),
            })}
          </Text>
        )}
        {pair.abilities.merge && (
          <Alert color="blue" variant="light" title={t('deduplication.pair.mergeTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('deduplication.pair.mergeHelp')}</Text>
              <Button component={Link} to={`/people/${a.id}/merge?with=${b.id}`}>
                {t('deduplication.pair.merge')}
              </Button>
            </Stack>
          </Alert>
        )}
        {(a.merged || b.merged) && (
          <Text size="sm" c="dimmed">
            {t('deduplication.pair.alreadyMerged')}
          </Text>
        )}
        {pair.abilities.decide && (
          <>
            <Textarea
              label={t('deduplication.pair.note')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
            <ProblemAlert error={decide.error} />
            <Group gap="sm">
              <Button color="teal.9" onClick={() => decide.mutate('same')} loading={decide.isPending}>
                {t('deduplication.pair.decideSame')}
              </Button>
              <Button color="red.9" variant="outline" onClick={() => decide.mutate('different')}>
                {t('deduplication.pair.decideDifferent')}
              </Button>
              <Button variant="default" onClick={() => decide.mutate('unsure')}>
                {t('deduplication.pair.decideUnsure')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}
