import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { instrumentsQuery } from '../../api/assessment';
import { ApiError, isProblemOf } from '../../api/client';
import { networkQuery } from '../../api/identity';
import {
  POPULATION_GROUPS,
  type PopulationGroup,
  type ProgrammeFields,
  type ProgrammeRecord,
  programmeRecordsQuery,
  programmesAdminApi,
} from '../../api/programmes';
import { useDocumentTitle } from '../../components/document-title';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { currentLanguage, type Translate, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';

const FORM_FIELDS = [
  'key',
  'name',
  'description',
  'organizationId',
  'instrumentKey',
  'populationGroups',
  'requiresPlanApproval',
  'requiresClosureApproval',
  'active',
] as const;

/** `/admin/programmes`: the network's programmes, their approval rules and active state (administrators). */
export function ProgrammesAdminPage() {
  const session = useReadySession();
  if (session.user.role !== 'network_admin') return <ForbiddenPage />;
  return <ProgrammesAdmin />;
}

type Editing = { mode: 'create' } | { mode: 'edit'; programme: ProgrammeRecord } | null;

function ProgrammesAdmin() {
  const t = useT();
  useDocumentTitle(t('programmes.admin.title'));
  const programmes = useQuery(programmeRecordsQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Stack gap="lg" maw={1040}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{t('programmes.admin.title')}</Title>
          <Text c="dimmed">{t('programmes.admin.intro')}</Text>
        </Stack>
        {!editing && (
          <Button
            onClick={() => {
              setSaved(null);
              setEditing({ mode: 'create' });
            }}
          >
            {t('programmes.admin.create')}
          </Button>
        )}
      </Group>
      {saved && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setSaved(null)}
        >
          {saved}
        </Alert>
      )}
      {editing && (
        <ProgrammeForm
          key={editing.mode === 'edit' ? editing.programme.key : 'new'}
          programme={editing.mode === 'edit' ? editing.programme : null}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <div aria-live="polite" aria-busy={programmes.isPending}>
        {programmes.isPending ? (
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text>{t('programmes.admin.loading')}</Text>
          </Group>
        ) : programmes.isError ? (
          <ProblemAlert error={programmes.error} />
        ) : programmes.data.items.length === 0 ? (
          <Text>{t('programmes.admin.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" p={0} m={0}>
            {programmes.data.items.map((programme) => (
              <ProgrammeCard
                key={programme.key}
                programme={programme}
                onEdit={() => {
                  setSaved(null);
                  setEditing({ mode: 'edit', programme });
                }}
              />
            ))}
          </SimpleGrid>
        )}
      </div>
    </Stack>
  );
}

function ApprovalBadges({ programme }: { programme: Pick<ProgrammeRecord, ApprovalFlag | 'active'> }) {
  const t = useT();
  return (
    <Group gap={6}>
      <Badge color={programme.active ? 'green' : 'gray'} variant="light">
        {programme.active ? t('programmes.admin.active') : t('programmes.admin.inactive')}
      </Badge>
      <Badge color={programme.requiresPlanApproval ? 'blue' : 'gray'} variant="outline">
        {programme.requiresPlanApproval
          ? t('programmes.admin.badge.planApproval')
          : t('programmes.admin.badge.planNoApproval')}
      </Badge>
      <Badge color={programme.requiresClosureApproval ? 'blue' : 'gray'} variant="outline">
        {programme.requiresClosureApproval
          ? t('programmes.admin.badge.closureApproval')
          : t('programmes.admin.badge.closureNoApproval')}
      </Badge>
    </Group>
  );
}

type ApprovalFlag = 'requiresPlanApproval' | 'requiresClosureApproval';

function ProgrammeCard({ programme, onEdit }: { programme: ProgrammeRecord; onEdit: () => void }) {
  const t = useT();
  const language = currentLanguage();
  const headingId = `programme-${programme.key}`;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      aria-labelledby={headingId}
      style={{ listStyle: 'none' }}
      bg={programme.active ? undefined : 'gray.0'}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} miw={0}>
            <Title order={2} size="h4" id={headingId}>
              {programme.name[language]}
            </Title>
            <Text size="sm" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {programme.key}
            </Text>
          </Stack>
          <Button
            variant="default"
            size="compact-sm"
            style={{ flexShrink: 0 }}
            onClick={onEdit}
            aria-label={t('programmes.admin.editNamed', { name: programme.name[language] })}
          >
            {t('programmes.admin.edit')}
          </Button>
        </Group>
        <ApprovalBadges programme={programme} />
        {programme.description[language] && (
          <Text size="sm" lineClamp={3}>
            {programme.description[language]}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const keyTaken = (error: unknown) =>
  error instanceof ApiError && error.type === 'urn:ruta:problem:programme-key-taken';

/** A lower-case slug from a name: "Plan Retorno: vivienda" → "plan-retorno-vivienda". */
function slugOf(text: string) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

function fieldsOf(programme: ProgrammeRecord | null): ProgrammeFields {
  return {
    name: { es: programme?.name.es ?? '', en: programme?.name.en ?? '' },
    description: { es: programme?.description.es ?? '', en: programme?.description.en ?? '' },
    organizationId: programme?.organizationId ?? null,
    requiresPlanApproval: programme?.requiresPlanApproval ?? false,
    requiresClosureApproval: programme?.requiresClosureApproval ?? false,
    instrumentKey: programme?.instrumentKey ?? null,
    populationGroups: programme?.populationGroups ?? [],
    active: programme?.active ?? true,
  };
}

function ProgrammeForm({
  programme,
  onDone,
  onCancel,
}: {
  programme: ProgrammeRecord | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const network = useQuery(networkQuery);
  const instruments = useQuery(instrumentsQuery);
  const [fields, setFields] = useState<ProgrammeFields>(() => fieldsOf(programme));
  const [version, setVersion] = useState(programme?.version ?? 1);
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [stale, setStale] = useState<ProgrammeRecord | null>(null);

  const save = useMutation({
    mutationFn: () =>
      programme
        ? programmesAdminApi.update(programme.key, { ...fields, version })
        : programmesAdminApi.create({ ...fields, key }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      onDone(
        t(programme ? 'programmes.admin.updated' : 'programmes.admin.created', {
          name: saved.name[language],
        }),
      );
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.problem.current as ProgrammeRecord | null) : null;
      if (isProblemOf(error, 'conflict') && current) setStale(current);
    },
  });
  const error = save.error;
  const set = (changes: Partial<ProgrammeFields>) => setFields((previous) => ({ ...previous, ...changes }));
  const headingId = 'programme-form-heading';
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form opens above the list: bring it into view and move the focus to it (Edit is clicked further down).
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  const organizations = (network.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }));
  const instrumentOptions = (instruments.data?.items ?? [])
    .filter((i) => i.versions.some((v) => v.status === 'active'))
    .map((i) => ({ value: i.key, label: `${i.name[language]} (${i.key})` }));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setStale(null);
          save.mutate();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId} ref={headingRef} tabIndex={-1}>
            {programme
              ? t('programmes.admin.editing', { name: programme.name[language] })
              : t('programmes.admin.createHeading')}
          </Title>
          {stale && (
            <StaleNotice
              current={stale}
              t={t}
              organizationName={(id) => organizations.find((o) => o.value === id)?.label ?? id}
              onUseSaved={() => {
                setFields(fieldsOf(stale));
                setVersion(stale.version);
                setStale(null);
                save.reset();
              }}
              onKeepMine={() => {
                setVersion(stale.version);
                setStale(null);
                save.reset();
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              required
              label={t('programmes.admin.nameEs')}
              value={fields.name.es}
              error={fieldError(error, 'name.es')}
              maxLength={200}
              onChange={(e) => {
                const es = e.currentTarget.value;
                set({ name: { ...fields.name, es } });
                if (!programme && !keyTouched) setKey(slugOf(es));
              }}
            />
            <TextInput
              required
              label={t('programmes.admin.nameEn')}
              value={fields.name.en}
              error={fieldError(error, 'name.en')}
              maxLength={200}
              onChange={(e) => set({ name: { ...fields.name, en: e.currentTarget.value } })}
            />
          </SimpleGrid>
          {programme ? (
            <Text size="sm">
              {t('programmes.admin.keyFixed')}{' '}
              <Text span ff="monospace">
                {programme.key}
              </Text>
            </Text>
          ) : (
            <TextInput
              required
              label={t('programmes.admin.key')}
              description={t('programmes.admin.keyHelp')}
              value={key}
              error={fieldError(error, 'key') ?? (keyTaken(error) ? (error as ApiError).detail : undefined)}
              maxLength={63}
              ff="monospace"
              onChange={(e) => {
                setKeyTouched(true);
                setKey(e.currentTarget.value);
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Textarea
              label={t('programmes.admin.descriptionEs')}
              value={fields.description.es ?? ''}
              error={fieldError(error, 'description.es')}
              autosize
              minRows={2}
              maxLength={2000}
              onChange={(e) => set({ description: { ...fields.description, es: e.currentTarget.value } })}
            />
            <Textarea
              label={t('programmes.admin.descriptionEn')}
              value={fields.description.en ?? ''}
              error={fieldError(error, 'description.en')}
              autosize
              minRows={2}
              maxLength={2000}
              onChange={(e) => set({ description: { ...fields.description, en: e.currentTarget.value } })}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('programmes.admin.approvals')}
            value={[
              ...(fields.requiresPlanApproval ? ['plan'] : []),
              ...(fields.requiresClosureApproval ? ['closure'] : []),
            ]}
            onChange={(values) =>
              set({
                requiresPlanApproval: values.includes('plan'),
                requiresClosureApproval: values.includes('closure'),
              })
            }
          >
            <Stack gap="xs" mt="xs">
              <Checkbox value="plan" label={t('programmes.admin.requiresPlanApproval')} />
              <Checkbox value="closure" label={t('programmes.admin.requiresClosureApproval')} />
            </Stack>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('programmes.admin.organization')}
              placeholder={t('programmes.admin.noOrganization')}
              data={organizations}
              value={fields.organizationId}
              error={fieldError(error, 'organizationId')}
              clearable
              searchable
              onChange={(value) => set({ organizationId: value })}
            />
            <Select
              label={t('programmes.admin.instrument')}
              placeholder={t('programmes.admin.noInstrument')}
              data={instrumentOptions}
              value={fields.instrumentKey}
              error={fieldError(error, 'instrumentKey')}
              clearable
              onChange={(value) => set({ instrumentKey: value })}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('programmes.admin.populationGroups')}
            description={t('programmes.admin.populationGroupsHelp')}
            value={fields.populationGroups}
            error={fieldError(error, 'populationGroups')}
            onChange={(values) => set({ populationGroups: values as PopulationGroup[] })}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {POPULATION_GROUPS.map((group) => (
                <Checkbox key={group} value={group} label={t(`people.populationGroup.${group}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox
            mt="xs"
            label={t('programmes.admin.activeLabel')}
            description={t('programmes.admin.activeHelp')}
            checked={fields.active}
            onChange={(e) => set({ active: e.currentTarget.checked })}
          />
          {save.isError && !stale && !keyTaken(save.error) && (
            <ProblemAlert error={save.error} fields={FORM_FIELDS} />
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={Boolean(stale)}>
              {programme ? t('programmes.admin.save') : t('programmes.admin.createSubmit')}
            </Button>
            <Button variant="subtle" onClick={onCancel}>
              {t('programmes.admin.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Someone saved the programme while it was being edited: what they saved, and how to go on. */
function StaleNotice({
  current,
  t,
  organizationName,
  onUseSaved,
  onKeepMine,
}: {
  current: ProgrammeRecord;
  t: Translate;
  organizationName: (id: string) => string;
  onUseSaved: () => void;
  onKeepMine: () => void;
}) {
  const language = currentLanguage();
  const yesNo = (value: boolean) => (value ? t('programmes.admin.yes') : t('programmes.admin.no'));
  return (
    <Alert color="yellow" title={t('programmes.admin.stale.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('programmes.admin.stale.body')}</Text>
        <List size="sm" spacing={2}>
          <List.Item>
            {t('programmes.admin.nameEs')}: {current.name.es}
          </List.Item>
          <List.Item>
            {t('programmes.admin.requiresPlanApproval')}: {yesNo(current.requiresPlanApproval)}
          </List.Item>
          <List.Item>
            {t('programmes.admin.requiresClosureApproval')}: {yesNo(current.requiresClosureApproval)}
          </List.Item>
          <List.Item>
            {t('programmes.admin.activeLabel')}: {yesNo(current.active)}
          </List.Item>
          <List.Item>
            {t('programmes.admin.organization')}:{' '}
            {current.organizationId
              ? organizationName(current.organizationId)
              : t('programmes.admin.noOrganization')}
          </List.Item>
          <List.Item>
            {t('programmes.admin.instrument')}: {current.instrumentKey ?? t('programmes.admin.noInstrument')}
          </List.Item>
          <List.Item>
            {t('programmes.admin.populationGroups')}:{' '}
            {current.populationGroups.length
              ? current.populationGroups.map((g) => t(`people.populationGroup.${g}`)).join(', ')
              : t('programmes.admin.anyGroup')}
          </List.Item>
          {current.description[language] && <List.Item>{current.description[language]}</List.Item>}
        </List>
        <Group gap="xs">
          <Button size="compact-sm" onClick={onUseSaved}>
            {t('programmes.admin.stale.useSaved')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onKeepMine}>
            {t('programmes.admin.stale.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
