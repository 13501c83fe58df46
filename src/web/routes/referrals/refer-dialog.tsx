import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { categoriesForDimension, SERVICE_CATEGORY_CODES } from '../../../domain/directory/taxonomy';
import type { CaseAction, CaseDetail, Goal } from '../../api/cases';
import { ApiError } from '../../api/client';
import {
  type DirectoryService,
  directoryServicesQuery,
  newIdempotencyKey,
  referralCheckQuery,
  referralsApi,
  type ServiceSearch,
} from '../../api/referrals';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { EligibilityList, useRefetchReferralsOnLanguageChange, useSharedFieldLabel } from './referral-parts';

const SUGGESTED = 'suggested';
const ALL = 'all';

/**
 * "Remitir a un servicio": pick a service of the directory (suggested by the goal's dimension, or the partner of
 * the action), read the server's eligibility check and what the partner will receive, write the reason and send.
 */
export function ReferDialog({
  item,
  goal,
  action,
  onClose,
}: {
  item: CaseDetail;
  goal: Goal;
  action?: CaseAction;
  onClose: () => void;
}) {
  const t = useT();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const client = useQueryClient();
  useRefetchReferralsOnLanguageChange();
  // One key per opening of the dialog: a second click, or a retry after a lost answer, never sends twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const partnerId = action?.responsible.kind === 'partner' ? action.responsible.organizationId : null;
  const [onlyPartner, setOnlyPartner] = useState(Boolean(partnerId));
  const [category, setCategory] = useState(SUGGESTED);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [reason, setReason] = useState(action?.description ?? '');

  const filters: ServiceSearch = {
    q: debounced || undefined,
    ...(category === SUGGESTED ? { dimension: goal.dimension } : category === ALL ? {} : { category }),
    ...(onlyPartner && partnerId ? { organizationId: partnerId } : {}),
  };
  const services = useQuery(directoryServicesQuery(filters));
  const check = useQuery({ ...referralCheckQuery(item.id, serviceId ?? ''), enabled: Boolean(serviceId) });

  const send = useMutation({
    mutationFn: () =>
      referralsApi.create(
        item.id,
        {
          serviceId: serviceId as string,
          goalId: goal.id,
          ...(action ? { actionId: action.id } : {}),
          reason: reason.trim(),
        },
        idempotencyKey,
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['referrals', 'case', item.id] });
      void client.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    },
    onError: (error) => {
      // The server answered: the next try is a new request (a lost answer keeps the key, as it may have arrived).
      if (error instanceof ApiError && error.status > 0) setIdempotencyKey(newIdempotencyKey());
      if (serviceId)
        void client.invalidateQueries({ queryKey: referralCheckQuery(item.id, serviceId).queryKey });
    },
  });

  const suggested = categoriesForDimension(goal.dimension);
  const others = SERVICE_CATEGORY_CODES.filter((code) => !suggested.includes(code));
  const categoryLabel = (code: string) => (t as (k: string) => string)(`referrals.category.${code}`);
  const selected = services.data?.items.find((s) => s.id === serviceId);
  const blocking = check.data?.checks.filter((c) => c.outcome === 'fail') ?? [];
  const consentMissing = blocking.some((c) => c.rule === 'consent');
  const canSend = Boolean(check.data?.eligible) && reason.trim().length > 0 && !send.isPending;
  const notReady = !serviceId
    ? t('referrals.dialog.pickFirst')
    : check.data && !check.data.eligible
      ? t('referrals.dialog.notEligible')
      : check.data && !reason.trim()
        ? t('referrals.dialog.reasonMissing')
        : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) send.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('referrals.dialog.title')}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {action
              ? t('referrals.dialog.forAction', { action: action.description })
              : t('referrals.dialog.forGoal', { goal: goal.description })}
          </Text>

          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Title order={3} size="h5" component="legend">
              {t('referrals.dialog.stepService')}
            </Title>
            <Group gap="sm" align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput
                label={t('referrals.dialog.search')}
                placeholder={t('referrals.dialog.searchPlaceholder')}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                miw={200}
              />
              <NativeSelect
                label={t('referrals.dialog.category')}
                value={category}
                onChange={(event) => setCategory(event.currentTarget.value)}
                miw={200}
                data={[
                  {
                    group: t('referrals.dialog.suggestedGroup', {
                      dimension: t(`needs.dimensions.${goal.dimension}`),
                    }),
                    items: [
                      { value: SUGGESTED, label: t('referrals.dialog.allSuggested') },
                      ...suggested.map((code) => ({ value: code, label: categoryLabel(code) })),
                    ],
                  },
                  {
                    group: t('referrals.dialog.otherGroup'),
                    items: [
                      { value: ALL, label: t('referrals.dialog.allCategories') },
                      ...others.map((code) => ({ value: code, label: categoryLabel(code) })),
                    ],
                  },
                ]}
              />
            </Group>
            {partnerId && (
              <Group gap="xs">
                <Text size="sm">
                  {onlyPartner
                    ? t('referrals.dialog.onlyPartner', { partner: action?.responsible.name ?? '' })
                    : t('referrals.dialog.allPartners')}
                </Text>
                <Button variant="subtle" size="compact-sm" onClick={() => setOnlyPartner(!onlyPartner)}>
                  {onlyPartner
                    ? t('referrals.dialog.showAllPartners')
                    : t('referrals.dialog.showOnlyPartner')}
                </Button>
              </Group>
            )}
            <ServiceChoices
              services={services.data?.items}
              total={services.data?.total ?? 0}
              pending={services.isPending}
              error={services.error}
              value={serviceId}
              onChange={setServiceId}
              categoryLabel={categoryLabel}
            />
          </Stack>

          {serviceId && (
            <Stack gap="sm" aria-live="polite">
              <Title order={3} size="h5">
                {t('referrals.dialog.stepCheck')}
              </Title>
              {check.isPending ? (
                <Group gap="xs" role="status">
                  <Loader size="xs" aria-hidden />
                  <Text size="sm">{t('referrals.dialog.checking')}</Text>
                </Group>
              ) : check.isError ? (
                <ProblemAlert error={check.error} />
              ) : (
                <>
                  <Text size="sm">
                    {t('referrals.dialog.serviceTimes', {
                      organization: check.data.service.organizationName,
                      count: check.data.service.acceptanceDays,
                    })}
                    {check.data.service.completionDays
                      ? ` ${t('referrals.dialog.completionTimes', { count: check.data.service.completionDays })}`
                      : ''}
                  </Text>
                  <EligibilityList checks={check.data.checks} />
                  <SharedFields
                    fields={check.data.sharedFields}
                    organization={check.data.service.organizationName}
                  />
                </>
              )}
            </Stack>
          )}

          {serviceId && (
            <Textarea
              label={t('referrals.dialog.reason')}
              description={t('referrals.dialog.reasonHelp', {
                organization: selected?.organization.shortName || selected?.organization.name || '',
              })}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={fieldError(send.error, 'reason')}
              autosize
              minRows={2}
              required
            />
          )}

          {check.data && !check.data.eligible && (
            <Alert color="red" variant="light" title={t('referrals.dialog.notEligible')} id="refer-blocked">
              <Stack gap={4}>
                {blocking.map((c) => (
                  <Text key={c.rule} size="sm">
                    {c.message}
                  </Text>
                ))}
                {consentMissing && (
                  <Anchor
                    component={Link}
                    to={
                      item.subject.type === 'person'
                        ? `/people/${item.subject.id}#consent`
                        : `/households/${item.subject.id}`
                    }
                    size="sm"
                    fw={600}
                  >
                    {t('referrals.dialog.consentLink')}
                  </Anchor>
                )}
              </Stack>
            </Alert>
          )}
          <ProblemAlert error={send.error} fields={['reason']} />
          <Group justify="flex-end" gap="sm">
            {notReady && !(check.data && !check.data.eligible) && (
              <Text size="sm" c="dimmed" id="refer-not-ready" style={{ flex: '1 1 12rem' }}>
                {notReady}
              </Text>
            )}
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              disabled={!canSend}
              loading={send.isPending}
              aria-describedby={
                check.data && !check.data.eligible
                  ? 'refer-blocked'
                  : notReady
                    ? 'refer-not-ready'
                    : undefined
              }
            >
              {t('referrals.dialog.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ServiceChoices({
  services,
  total,
  pending,
  error,
  value,
  onChange,
  categoryLabel,
}: {
  services: DirectoryService[] | undefined;
  total: number;
  pending: boolean;
  error: unknown;
  value: string | null;
  onChange: (id: string) => void;
  categoryLabel: (code: string) => string;
}) {
  const t = useT();
  if (pending)
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t('referrals.dialog.loadingServices')}</Text>
      </Group>
    );
  if (error) return <ProblemAlert error={error} />;
  if (!services?.length)
    return (
      <Text size="sm" c="dimmed">
        {t('referrals.dialog.noServices')}
      </Text>
    );
  return (
    <Radio.Group
      value={value}
      onChange={onChange}
      label={t('referrals.dialog.services')}
      description={
        total > services.length
          ? t('referrals.dialog.servicesFirst', { shown: services.length, count: total })
          : t('referrals.dialog.servicesCount', { count: services.length })
      }
    >
      <Stack gap={6} mt="xs" className="service-choices">
        {services.map((service) => (
          <Paper
            key={service.id}
            withBorder
            p="xs"
            data-checked={service.id === value || undefined}
            style={service.id === value ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
          >
            <Radio
              value={service.id}
              label={service.name}
              description={[
                service.organization.shortName || service.organization.name,
                categoryLabel(service.category),
                t('referrals.dialog.acceptsIn', { count: service.acceptanceDays }),
              ].join(' · ')}
              styles={{ label: { fontWeight: 600 }, body: { alignItems: 'flex-start' } }}
            />
          </Paper>
        ))}
      </Stack>
    </Radio.Group>
  );
}

function SharedFields({ fields, organization }: { fields: string[]; organization: string }) {
  const t = useT();
  const label = useSharedFieldLabel();
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Text size="sm" fw={600} mb={4}>
        {t('referrals.dialog.sharedTitle', { organization })}
      </Text>
      <Text size="sm">{fields.map(label).join(', ')}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('referrals.dialog.sharedHelp')}
      </Text>
    </Paper>
  );
}
