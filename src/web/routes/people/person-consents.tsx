import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import {
  CONSENT_PURPOSES,
  type Consent,
  type ConsentPurpose,
  consentsQuery,
  type Person,
  peopleApi,
} from '../../api/people';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';

/** Consent per purpose (Ley 1581 de 2012): what the person authorized, how and when; give or revoke it. */
export function ConsentsSection({ person }: { person: Person }) {
  const t = useT();
  const consents = useQuery(consentsQuery(person.id));
  const [giving, setGiving] = useState<ConsentPurpose | null>(null);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const queryClient = useQueryClient();

  const revoke = useMutation({
    mutationFn: (consent: Consent) => peopleApi.revokeConsent(person.id, consent.id),
    onSuccess: async () => {
      setRevoking(null);
      await invalidate();
    },
  });

  // Opened as /people/:id#consent (e.g. from a referral refused for lack of consent): bring the section into view.
  const loaded = consents.isSuccess;
  useEffect(() => {
    if (loaded && window.location.hash === '#consent')
      document.getElementById('consent')?.scrollIntoView({ block: 'start' });
  }, [loaded]);

  async function invalidate() {
    await queryClient.invalidateQueries({ queryKey: consentsQuery(person.id).queryKey });
    await queryClient.invalidateQueries({ queryKey: ['people', 'timeline', person.id] });
  }

  return (
    <Section title={t('people.section.consent')} id="consent">
      <Text size="sm" c="dimmed" mb="md">
        {t('people.consent.intro')}
      </Text>
      {consents.isPending ? (
        <Loader size="sm" aria-label={t('people.consent.loading')} />
      ) : consents.isError ? (
        <ProblemAlert error={consents.error} />
      ) : (
        <Stack component="ul" gap="sm" className="plain-list">
          {CONSENT_PURPOSES.map((purpose) => (
            <PurposeRow
              key={purpose}
              purpose={purpose}
              consents={consents.data.items.filter((consent) => consent.purpose === purpose)}
              canChange={person.abilities.update}
              onGive={() => setGiving(purpose)}
              onRevoke={setRevoking}
            />
          ))}
        </Stack>
      )}
      {giving && (
        <GiveConsentDialog
          person={person}
          purpose={giving}
          onClose={() => setGiving(null)}
          onDone={async () => {
            setGiving(null);
            await invalidate();
          }}
        />
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('people.consent.revokeTitle', {
          purpose: revoking ? t(`people.consent.purpose.${revoking.purpose}`) : '',
        })}
        confirmLabel={t('people.consent.revokeConfirm')}
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        {t('people.consent.revokeBody')}
      </ConfirmDialog>
    </Section>
  );
}

function PurposeRow({
  purpose,
  consents,
  canChange,
  onGive,
  onRevoke,
}: {
  purpose: ConsentPurpose;
  consents: Consent[];
  canChange: boolean;
  onGive: () => void;
  onRevoke: (consent: Consent) => void;
}) {
  const t = useT();
  const format = useFormatters();
  const current = consents.find((consent) => consent.revokedAt === null);
  const lastRevoked = consents.find((consent) => consent.revokedAt !== null);
  const label = t(`people.consent.purpose.${purpose}`);
  return (
    <Paper component="li" withBorder p="sm" aria-label={label}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{label}</Text>
            {current ? (
              <Badge color="teal.9" variant="filled">
                {t('people.consent.given')}
              </Badge>
            ) : (
              <Badge color="gray.7" variant="outline">
                {t('people.consent.notGiven')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t(`people.consent.purposeHelp.${purpose}`)}
          </Text>
          {current ? (
            <Text size="sm">
              {t('people.consent.givenDetail', {
                date: format.dateTime(current.grantedAt),
                method: t(`people.consent.method.${current.method}`),
                by:
                  current.givenBy === 'guardian'
                    ? t('people.consent.byGuardian', { name: current.guardianName ?? '' })
                    : t('people.consent.bySelf'),
              })}
            </Text>
          ) : (
            lastRevoked?.revokedAt && (
              <Text size="sm">
                {t('people.consent.revokedOn', { date: format.dateTime(lastRevoked.revokedAt) })}
              </Text>
            )
          )}
        </Stack>
        {canChange &&
          (current ? (
            <Button
              variant="outline"
              color="red.8"
              onClick={() => onRevoke(current)}
              aria-label={t('people.consent.revokeLabel', { purpose: label })}
            >
              {t('people.consent.revoke')}
            </Button>
          ) : (
            <Button
              variant="default"
              onClick={onGive}
              aria-label={t('people.consent.giveLabel', { purpose: label })}
            >
              {t('people.consent.give')}
            </Button>
          ))}
      </Group>
    </Paper>
  );
}

function GiveConsentDialog({
  person,
  purpose,
  onClose,
  onDone,
}: {
  person: Person;
  purpose: ConsentPurpose;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const t = useT();
  const [givenBy, setGivenBy] = useState<'self' | 'guardian'>('self');
  const [guardianName, setGuardianName] = useState('');
  const [method, setMethod] = useState<Consent['method']>('written');
  const give = useMutation({
    mutationFn: () =>
      peopleApi.recordConsent(person.id, {
        purpose,
        givenBy,
        guardianName: givenBy === 'guardian' ? guardianName.trim() : null,
        method,
      }),
    onSuccess: onDone,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    give.mutate();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('people.consent.giveTitle', { purpose: t(`people.consent.purpose.${purpose}`) })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t(`people.consent.purposeHelp.${purpose}`)}</Text>
          <ProblemAlert error={give.error} fields={['givenBy', 'guardianName', 'method']} />
          <NativeSelect
            label={t('people.consent.givenByLabel')}
            value={givenBy}
            onChange={(event) => setGivenBy(event.currentTarget.value as 'self' | 'guardian')}
            data={[
              { value: 'self', label: t('people.consent.bySelfOption') },
              { value: 'guardian', label: t('people.consent.byGuardianOption') },
            ]}
            error={fieldError(give.error, 'givenBy')}
          />
          {givenBy === 'guardian' && (
            <TextInput
              label={t('people.consent.guardianName')}
              value={guardianName}
              onChange={(event) => setGuardianName(event.currentTarget.value)}
              error={fieldError(give.error, 'guardianName')}
              maxLength={200}
              withAsterisk
            />
          )}
          <NativeSelect
            label={t('people.consent.methodLabel')}
            value={method}
            onChange={(event) => setMethod(event.currentTarget.value as Consent['method'])}
            data={(['written', 'verbal', 'digital'] as const).map((value) => ({
              value,
              label: t(`people.consent.method.${value}`),
            }))}
            error={fieldError(give.error, 'method')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={give.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={give.isPending}>
              {t('people.consent.giveConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
