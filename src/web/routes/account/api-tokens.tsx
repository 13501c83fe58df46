import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import {
  type ApiToken,
  accountApi,
  apiTokensQuery,
  type CreatedApiToken,
  type TokenScope,
} from '../../api/identity';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyButton } from '../../components/copy-button';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';

const EXPIRY_DAYS = ['30', '90', '180', '365'] as const;

/** Personal API tokens: create one (shown once), see them, revoke one. */
export function ApiTokens() {
  const t = useT();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <Section title={t('tokens.heading')}>
      <Stack gap="lg">
        <Text size="sm">{t('tokens.intro')}</Text>
        {created ? (
          <NewToken token={created} onDone={() => setCreated(null)} />
        ) : (
          <CreateToken onCreated={setCreated} />
        )}
        <TokenList />
      </Stack>
    </Section>
  );
}

function CreateToken({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState<string>('90');
  const [local, setLocal] = useState<{ name?: string; scopes?: string }>({});
  const nameRef = useRef<HTMLInputElement>(null);

  const create = useMutation({
    mutationFn: () => accountApi.createToken({ name: name.trim(), scopes, expiresInDays: Number(days) }),
    onSuccess: async (token) => {
      await queryClient.invalidateQueries({ queryKey: apiTokensQuery.queryKey });
      setName('');
      onCreated(token);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = {
      name: name.trim().length >= 2 ? undefined : t('tokens.nameRequired'),
      scopes: scopes.length > 0 ? undefined : t('tokens.scopesRequired'),
    };
    setLocal(problems);
    if (problems.name) return nameRef.current?.focus();
    if (problems.scopes) return;
    create.mutate();
  }

  return (
    <Paper withBorder p="md" bg="gray.0">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fw={600}>{t('tokens.create')}</Text>
          <ProblemAlert error={create.error} fields={['name', 'scopes', 'expiresInDays']} />
          <TextInput
            ref={nameRef}
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={local.name ?? fieldError(create.error, 'name')}
            maxLength={100}
          />
          <Checkbox.Group
            label={t('tokens.scopes')}
            value={scopes}
            onChange={(value) => setScopes(value as TokenScope[])}
            error={local.scopes ?? fieldError(create.error, 'scopes')}
          >
            <Stack gap="xs" mt="xs">
              <Checkbox value="read" label={t('tokens.scope.read')} />
              <Checkbox value="write" label={t('tokens.scope.write')} />
            </Stack>
          </Checkbox.Group>
          <NativeSelect
            label={t('tokens.expiry')}
            data={EXPIRY_DAYS.map((value) => ({ value, label: t('tokens.days', { count: Number(value) }) }))}
            value={days}
            onChange={(event) => setDays(event.currentTarget.value)}
            error={fieldError(create.error, 'expiresInDays')}
            maw={240}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('tokens.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const t = useT();
  return (
    <Alert color="yellow" variant="light" title={t('tokens.createdTitle', { name: token.name })}>
      <Stack gap="sm">
        <Text size="sm">{t('tokens.createdWarning')}</Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('tokens.newToken')}
            value={token.token}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            classNames={{ input: 'code-input' }}
            style={{ flex: '1 1 16rem' }}
          />
          <CopyButton value={token.token} label={t('tokens.copy')} />
        </Group>
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('tokens.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= Date.now() ? 'expired' : 'active';
}

const STATE_COLORS = { active: 'teal.9', revoked: 'gray.7', expired: 'red.9' } as const;

function TokenList() {
  const t = useT();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const tokens = useQuery(apiTokensQuery);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const revoke = useMutation({
    mutationFn: (id: string) => accountApi.revokeToken(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiTokensQuery.queryKey });
      setRevoking(null);
    },
  });

  if (tokens.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('tokens.loading')}</Text>
      </Group>
    );
  }
  if (tokens.isError) return <ProblemAlert error={tokens.error} />;
  if (tokens.data.items.length === 0) return <Text c="dimmed">{t('tokens.none')}</Text>;

  return (
    <>
      <ul className="plain-list" aria-label={t('tokens.listLabel')}>
        {tokens.data.items.map((token) => {
          const state = tokenState(token);
          return (
            <li key={token.id} className="token-row">
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {token.name}
                  </Text>
                  <Badge color={STATE_COLORS[state]} variant="filled" size="sm">
                    {t(`tokens.state.${state}`)}
                  </Badge>
                </Group>
                <Text size="sm">
                  {token.scopes.map((scope) => t(`tokens.scopeShort.${scope}`)).join(' · ')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('tokens.dates', {
                    created: format.date(token.createdAt),
                    expires: format.date(token.expiresAt),
                  })}
                  {' · '}
                  {token.lastUsedAt
                    ? t('tokens.lastUsed', { date: format.dateTime(token.lastUsedAt) })
                    : t('tokens.neverUsed')}
                </Text>
              </Stack>
              {state === 'active' && (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setRevoking(token)}
                  aria-label={t('tokens.revokeNamed', { name: token.name })}
                >
                  {t('tokens.revoke')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        confirmLabel={t('tokens.revokeConfirm')}
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        {t('tokens.revokeBody', { name: revoking?.name ?? '' })}
      </ConfirmDialog>
    </>
  );
}
