import {
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  AUDIT_FILTER_NAMES,
  AUDIT_PAGE_SIZE,
  AUDIT_RECORD_TYPES,
  type AuditEntry,
  type AuditEntryPage,
  type AuditFilters,
  auditQueryString,
} from '../../api/audit';
import { api } from '../../api/client';
import { type Network, networkQuery, ROLES, type UserPage, userQuery, usersPath } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { type Translate, useT } from '../../i18n';

function filtersFrom(params: URLSearchParams): AuditFilters {
  return Object.fromEntries(
    AUDIT_FILTER_NAMES.map((name) => [name, params.get(name) ?? '']),
  ) as unknown as AuditFilters;
}

/** The audit log: who did what to which record, newest first, filtered, and exported as CSV. */
export function AuditPage() {
  const t = useT();
  useDocumentTitle(t('audit.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const applied = filtersFrom(searchParams);
  const appliedQuery = auditQueryString(applied);

  const entries = useInfiniteQuery({
    queryKey: ['audit', appliedQuery],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditEntryPage>(
        `/api/v1/audit?${auditQueryString(applied, {
          limit: String(AUDIT_PAGE_SIZE),
          ...(pageParam ? { cursor: pageParam } : {}),
        })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('audit.heading')}</Title>
        <Text c="dimmed">{t('audit.intro')}</Text>
      </Stack>
      <Filters
        key={appliedQuery}
        applied={applied}
        onApply={(filters) => setSearchParams(new URLSearchParams(auditQueryString(filters)))}
      />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {entries.isSuccess &&
            (entries.hasNextPage
              ? t('audit.showingMore', { count: items.length })
              : t('audit.showing', { count: items.length }))}
        </Text>
        <Button component="a" href={`/api/v1/audit/export?${appliedQuery}`} download variant="default">
          {t('audit.export')}
        </Button>
      </Group>
      <div aria-busy={entries.isPending}>
        {entries.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('audit.loading')}</Text>
          </Group>
        ) : entries.isError && items.length === 0 ? (
          <ProblemAlert error={entries.error} fields={[]} />
        ) : items.length === 0 ? (
          <Text>{t('audit.none')}</Text>
        ) : (
          <Stack gap="md">
            <ol className="plain-list audit-list" aria-label={t('audit.listLabel')}>
              {items.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </ol>
            {entries.isFetchNextPageError && <ProblemAlert error={entries.error} />}
            {entries.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => void entries.fetchNextPage()}
                  loading={entries.isFetchingNextPage}
                >
                  {t('audit.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function Filters({ applied, onApply }: { applied: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [dateError, setDateError] = useState<string>();
  const set = (name: keyof AuditFilters) => (value: string) =>
    setDraft((previous) => ({ ...previous, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) return setDateError(t('audit.datesReversed'));
    setDateError(undefined);
    onApply(draft);
  }

  const empty = AUDIT_FILTER_NAMES.every((name) => !applied[name]);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-label={t('audit.filters')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div className="filter-grid">
            <UserPicker value={draft.actorUserId} onChange={set('actorUserId')} />
            <NativeSelect
              label={t('audit.recordType')}
              data={[
                { value: '', label: t('audit.anyRecordType') },
                ...AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: t(`audit.recordTypes.${type}`) })),
              ]}
              value={draft.recordType}
              onChange={(event) => set('recordType')(event.currentTarget.value)}
            />
            <TextInput
              label={t('audit.recordId')}
              value={draft.recordId}
              onChange={(event) => set('recordId')(event.currentTarget.value)}
              spellCheck={false}
              autoCapitalize="none"
              maxLength={128}
            />
            <TextInput
              type="date"
              label={t('audit.from')}
              value={draft.from}
              onChange={(event) => set('from')(event.currentTarget.value)}
              error={dateError}
            />
            <TextInput
              type="date"
              label={t('audit.to')}
              value={draft.to}
              onChange={(event) => set('to')(event.currentTarget.value)}
            />
          </div>
          <Group gap="sm">
            <Button type="submit">{t('audit.apply')}</Button>
            {!empty && (
              <Button
                variant="subtle"
                onClick={() => onApply({ actorUserId: '', recordType: '', recordId: '', from: '', to: '' })}
              >
                {t('audit.clear')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A user chosen by searching their name or email on the server (there may be thousands). */
function UserPicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const selected = useQuery({ ...userQuery(value), enabled: Boolean(value) });
  const results = useQuery({
    queryKey: ['users', 'list', 'picker', debounced],
    queryFn: ({ signal }) => api.get<UserPage>(usersPath(debounced, null, 20), { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const data = useMemo(() => {
    const options = (results.data?.items ?? []).map((user) => ({
      value: user.id,
      label: `${user.displayName} (${user.email})`,
    }));
    if (selected.data && !options.some((option) => option.value === selected.data.id)) {
      options.unshift({
        value: selected.data.id,
        label: `${selected.data.displayName} (${selected.data.email})`,
      });
    }
    return options;
  }, [results.data, selected.data]);

  return (
    <Select
      label={t('audit.user')}
      placeholder={t('audit.anyUser')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered by the search; do not filter its answer again.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('audit.searchingUsers') : t('audit.noUserMatches')}
      clearable
    />
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const actor = entry.actorName ?? entry.actorEmail;

  return (
    <li className="audit-entry">
      <div className="audit-summary">
        <Text size="sm" className="audit-when">
          <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
        </Text>
        <div>
          <Text fw={600} size="sm">
            {actionLabel(t, entry.action)}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {recordTypeLabel(t, entry.recordType)}
            {entry.recordId ? ` · ${entry.recordId}` : ''}
          </Text>
        </div>
        <div>
          <Text size="sm">{actor ?? t('audit.noActor')}</Text>
          {entry.actorEmail && actor !== entry.actorEmail && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {entry.actorEmail}
              {entry.actorRole ? ` · ${roleLabel(t, entry.actorRole)}` : ''}
            </Text>
          )}
        </div>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
          className="audit-toggle"
        >
          {open ? t('audit.hideDetails') : entry.changes ? t('audit.showChanges') : t('audit.showDetails')}
        </Button>
      </div>
      <div id={detailsId} hidden={!open}>
        {open && <AuditDetails entry={entry} />}
      </div>
    </li>
  );
}

function AuditDetails({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const network = useQuery(networkQuery);
  const fields = [
    ...new Set([...Object.keys(entry.changes?.before ?? {}), ...Object.keys(entry.changes?.after ?? {})]),
  ];

  return (
    <Stack gap="sm" className="audit-details">
      {fields.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm">
            <Table.Caption>{t('audit.changes')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.field')}</Table.Th>
                <Table.Th scope="col">{t('audit.before')}</Table.Th>
                <Table.Th scope="col">{t('audit.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => (
                <Table.Tr key={field}>
                  <Table.Th scope="row" fw={500}>
                    {fieldLabel(t, field)}
                  </Table.Th>
                  <Table.Td>{formatValue(t, field, entry.changes?.before?.[field], network.data)}</Table.Td>
                  <Table.Td>{formatValue(t, field, entry.changes?.after?.[field], network.data)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <dl className="facts">
        <dt>{t('audit.exactTime')}</dt>
        <dd>{entry.occurredAt}</dd>
        <dt>{t('audit.ip')}</dt>
        <dd>{entry.ip ?? '—'}</dd>
        <dt>{t('audit.userAgent')}</dt>
        <dd>{entry.userAgent ?? '—'}</dd>
        <dt>{t('audit.requestId')}</dt>
        <dd>{entry.requestId ?? '—'}</dd>
      </dl>
    </Stack>
  );
}

// Codes the server writes, in words; a code this version does not know yet is shown as it is.

function actionLabel(t: Translate, action: string): string {
  return t(`audit.actions.${action.replace('.', '_')}` as 'audit.actions.user_created', {
    defaultValue: action,
  });
}

function recordTypeLabel(t: Translate, recordType: string): string {
  return t(`audit.recordTypes.${recordType}` as 'audit.recordTypes.user', { defaultValue: recordType });
}

function roleLabel(t: Translate, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? t(`roles.${role as (typeof ROLES)[number]}`) : role;
}

function fieldLabel(t: Translate, field: string): string {
  return t(`audit.fields.${field}` as 'audit.fields.role', { defaultValue: field });
}

function formatValue(t: Translate, field: string, value: unknown, network: Network | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'role' && typeof value === 'string') return roleLabel(t, value);
  if (field === 'status' && (value === 'active' || value === 'deactivated'))
    return t(`users.status.${value}`);
  if (field === 'officeIds' && Array.isArray(value)) {
    return value.length
      ? value.map((id) => network?.offices.find((office) => office.id === id)?.name ?? String(id)).join(', ')
      : '—';
  }
  if (field === 'scopes' && Array.isArray(value)) {
    return value
      .map((scope) => t(`tokens.scopeShort.${scope as 'read'}`, { defaultValue: String(scope) }))
      .join(', ');
  }
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
