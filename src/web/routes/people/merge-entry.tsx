import { Anchor, Button, List, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { personSearchQuery } from '../../api/registration';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';

/**
 * "Fusionar con…": for the person page. Finds the other record of the same person (name, document or phone) and
 * opens the merge screen with this record kept: `/people/:personId/merge?with=<otherId>`.
 */
export function MergeEntry({ personId, displayName }: { personId: string; displayName: string }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('merge.entry.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('merge.entry.title', { name: displayName })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {opened && <MergeSearch personId={personId} />}
      </Modal>
    </>
  );
}

function MergeSearch({ personId }: { personId: string }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 350);
  const results = useQuery({ ...personSearchQuery(debounced), placeholderData: keepPreviousData });
  const listId = useId();
  const items = (results.data?.items ?? []).filter((item) => item.id !== personId);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('merge.entry.help')}</Text>
      <TextInput
        type="search"
        label={t('merge.entry.searchLabel')}
        placeholder={t('merge.entry.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        data-autofocus
      />
      {results.isFetching && <Loader size="xs" aria-label={t('merge.entry.searching')} />}
      <ProblemAlert error={results.error} />
      {debounced.length >= 2 && results.isSuccess && items.length === 0 && (
        <Text size="sm">{t('merge.entry.none')}</Text>
      )}
      {items.length > 0 && (
        <>
          <Text size="sm" id={listId} fw={500}>
            {t('merge.entry.results')}
          </Text>
          <List listStyleType="none" spacing="xs" aria-labelledby={listId}>
            {items.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`/people/${personId}/merge?with=${item.id}`}>
                  {t('merge.entry.compare', { name: item.displayName })}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[item.birthDate, ...item.documents.map((d) => `${d.type} ${d.number}`)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
