import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { employmentApi, type FollowUpItem, followUpsQuery } from '../../api/employment';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { EmploymentTabs, label, useDay } from './parts';

/** /employment/follow-ups: the placements to follow at 3 and 6 months, overdue first. */
export function FollowUpsPage() {
  const t = useT();
  const day = useDay();
  const [due, setDue] = useState<'overdue' | 'upcoming' | ''>('');
  useDocumentTitle(t('employment.followUps.title'));
  const followUps = useQuery(followUpsQuery(due));
  return (
    <Stack gap="md">
      <Title order={1}>{t('employment.followUps.title')}</Title>
      <EmploymentTabs staff />
      <NativeSelect
        label={t('employment.followUps.filter')}
        value={due}
        onChange={(event) => setDue(event.currentTarget.value as typeof due)}
        data={[
          { value: '', label: t('employment.followUps.all') },
          { value: 'overdue', label: t('employment.followUps.overdue') },
          { value: 'upcoming', label: t('employment.followUps.upcoming') },
        ]}
        maw={320}
      />
      {followUps.isPending && <Loader aria-label={t('employment.loading')} />}
      {followUps.isError && <ProblemAlert error={followUps.error} />}
      {followUps.data?.items.length === 0 && <Text>{t('employment.followUps.none')}</Text>}
      <Stack component="ul" gap="sm" className="plain-list">
        {followUps.data?.items.map((f) => (
          <Paper component="li" key={f.id} withBorder p="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/people/${f.personId}`} fw={600}>
                {f.personName}
              </Anchor>
              {f.doneAt ? (
                <Badge color={f.stillEmployed ? 'teal.9' : 'gray.7'} variant="filled">
                  {t(
                    f.stillEmployed
                      ? 'employment.followUps.stillEmployed'
                      : 'employment.followUps.notEmployed',
                  )}
                </Badge>
              ) : f.overdue ? (
                <Badge color="red.9" variant="outline">
                  {t('employment.followUps.overdueBadge')}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm">
              {f.vacancyTitle} · {f.organizationName} ·{' '}
              {t('employment.candidate.hiredOn', { day: day(f.hiredOn) })}
            </Text>
            <Text size="sm" c="dimmed">
              {label(t, 'milestone', f.milestone)} · {t('employment.followUps.dueOn', { day: day(f.dueOn) })}
            </Text>
            {f.notes && <Text size="sm">{f.notes}</Text>}
            {!f.doneAt && <RecordFollowUp followUp={f} />}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function RecordFollowUp({ followUp }: { followUp: FollowUpItem }) {
  const t = useT();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [still, setStill] = useState('yes');
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () =>
      employmentApi.recordFollowUp(followUp.id, { stillEmployed: still === 'yes', notes: notes || null }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['employment'] }),
  });
  if (!open)
    return (
      <Group mt="xs">
        <Button size="xs" variant="light" onClick={() => setOpen(true)}>
          {t('employment.followUps.record')}
        </Button>
      </Group>
    );
  return (
    <Stack
      component="form"
      gap="xs"
      mt="xs"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <ProblemAlert error={save.error} fields={['stillEmployed', 'notes']} />
      <Radio.Group label={t('employment.followUps.question')} value={still} onChange={setStill}>
        <Group gap="md" mt={4}>
          <Radio value="yes" label={t('employment.yes')} />
          <Radio value="no" label={t('employment.no')} />
        </Group>
      </Radio.Group>
      <Textarea
        label={t('employment.followUps.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
      />
      <Group gap="xs">
        <Button type="submit" size="xs" loading={save.isPending}>
          {t('employment.save')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
          {t('employment.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
