import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isProblemOf } from '../../api/client';
import {
  type Contact,
  directoryApi,
  directoryLocationsQuery,
  directoryOrganizationsQuery,
  directoryServicesQuery,
  type OrganizationProfile,
} from '../../api/directory';
import { useDocumentTitle } from '../../components/document-title';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { categoryKey, statusKey } from './directory-list';
import { ContactList, ContactsEditor, contactsForApi } from './parts';

/** `/directory/organizations/:organizationId`: a partner's profile, places and services ("Mi organización"). */
export function DirectoryOrganizationPage() {
  const t = useT();
  const { organizationId = '' } = useParams();
  const organizations = useQuery(directoryOrganizationsQuery);
  const organization = organizations.data?.items.find((o) => o.id === organizationId);
  useDocumentTitle(organization?.shortName ?? t('directory.title'));
  if (organizations.isPending)
    return (
      <Group gap="sm" aria-busy>
        <Loader size="sm" aria-hidden />
        <Text>{t('directory.loading')}</Text>
      </Group>
    );
  if (organizations.isError) return <ProblemAlert error={organizations.error} />;
  if (!organization) return <Text>{t('directory.organization.notFound')}</Text>;
  return <OrganizationView key={organization.version} organization={organization} />;
}

function OrganizationView({ organization }: { organization: OrganizationProfile }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const places = useQuery(directoryLocationsQuery(organization.id));
  const services = useQuery(directoryServicesQuery({ organizationId: organization.id }));

  return (
    <Stack gap="lg" maw={1040}>
      <Anchor component={Link} to="/directory" size="sm">
        {t('directory.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{organization.name}</Title>
        <Text c="dimmed">
          {t('directory.organization.counts', {
            services: organization.activeServiceCount,
            places: organization.locationCount,
          })}
        </Text>
      </Stack>
      {saved && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setSaved(false)}
        >
          {t('directory.organization.saved')}
        </Alert>
      )}

      <Section title={t('directory.organization.profile')}>
        {editing ? (
          <ProfileForm
            organization={organization}
            onDone={() => {
              setEditing(false);
              setSaved(true);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Stack gap="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {organization.description ?? t('directory.organization.noDescription')}
            </Text>
            {organization.website && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('directory.fields.website')}:{' '}
                <Anchor href={organization.website} target="_blank" rel="noreferrer">
                  {organization.website}
                </Anchor>
              </Text>
            )}
            {organization.email && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('directory.fields.email')}:{' '}
                <Anchor href={`mailto:${organization.email}`}>{organization.email}</Anchor>
              </Text>
            )}
            <ContactList contacts={organization.contacts} />
            {organization.canEdit && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {t('directory.organization.editProfile')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Section>

      <Section title={t('directory.organization.services')}>
        <Stack gap="sm">
          {services.isPending ? (
            <Loader size="sm" aria-label={t('directory.loading')} />
          ) : services.isError ? (
            <ProblemAlert error={services.error} />
          ) : services.data.items.length === 0 ? (
            <Text size="sm">{t('directory.none')}</Text>
          ) : (
            <Stack gap={6} component="ul" p={0} m={0}>
              {services.data.items.map((service) => (
                <Group key={service.id} component="li" gap="xs" style={{ listStyle: 'none' }}>
                  <Anchor component={Link} to={`/directory/services/${service.id}`} size="sm">
                    {service.name}
                  </Anchor>
                  <Badge size="sm" variant="light">
                    {t(categoryKey(service.category))}
                  </Badge>
                  {service.status !== 'active' && (
                    <Badge size="sm" color="gray" variant="light">
                      {t(statusKey(service.status))}
                    </Badge>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          {organization.canEdit && (
            <Group>
              <Button
                component={Link}
                to={`/directory/services/new?organizationId=${organization.id}`}
                size="sm"
              >
                {t('directory.newService')}
              </Button>
            </Group>
          )}
        </Stack>
      </Section>

      <Section title={t('directory.organization.places')}>
        <Stack gap="sm">
          {places.isPending ? (
            <Loader size="sm" aria-label={t('directory.loading')} />
          ) : places.isError ? (
            <ProblemAlert error={places.error} />
          ) : places.data.items.length === 0 ? (
            <Text size="sm">{t('directory.organization.noPlaces')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {places.data.items.map((place) => (
                <Paper key={place.id} withBorder p="sm">
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                    <Stack gap={2} miw={0}>
                      <Text size="sm" fw={600}>
                        {place.name}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {[place.address1, place.municipalityName].filter(Boolean).join(' · ')}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('directory.organization.servicesHere', { count: place.serviceCount })}
                      </Text>
                    </Stack>
                    {organization.canEdit && (
                      <Button
                        component={Link}
                        to={`/directory/locations/${place.id}/edit`}
                        variant="default"
                        size="compact-sm"
                        style={{ flexShrink: 0 }}
                        aria-label={t('directory.organization.editPlaceNamed', { name: place.name })}
                      >
                        {t('directory.edit')}
                      </Button>
                    )}
                  </Group>
                </Paper>
              ))}
            </SimpleGrid>
          )}
          {organization.canEdit && (
            <Group>
              <Button
                component={Link}
                to={`/directory/locations/new?organizationId=${organization.id}`}
                variant="default"
                size="sm"
              >
                {t('directory.organization.newPlace')}
              </Button>
            </Group>
          )}
        </Stack>
      </Section>
    </Stack>
  );
}

function ProfileForm({
  organization,
  onDone,
  onCancel,
}: {
  organization: OrganizationProfile;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [description, setDescription] = useState(organization.description ?? '');
  const [email, setEmail] = useState(organization.email ?? '');
  const [website, setWebsite] = useState(organization.website ?? '');
  const [contacts, setContacts] = useState<Contact[]>(organization.contacts);
  const save = useMutation({
    mutationFn: () =>
      directoryApi.updateProfile(organization.id, {
        description: description.trim() || null,
        email: email.trim() || null,
        website: website.trim() || null,
        contacts: contactsForApi(contacts),
        version: organization.version,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      onDone();
    },
  });
  const error = save.error;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {isProblemOf(error, 'conflict') && (
          <Alert color="yellow" title={t('directory.form.stale.title')} role="alert">
            <Text size="sm">{t('directory.organization.stale')}</Text>
          </Alert>
        )}
        <Textarea
          label={t('directory.fields.description')}
          value={description}
          autosize
          minRows={3}
          maxLength={4000}
          error={fieldError(error, 'description')}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="email"
            label={t('directory.fields.email')}
            value={email}
            error={fieldError(error, 'email')}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            type="url"
            label={t('directory.fields.website')}
            placeholder="https://"
            value={website}
            error={fieldError(error, 'website')}
            onChange={(e) => setWebsite(e.currentTarget.value)}
          />
        </SimpleGrid>
        <ContactsEditor value={contacts} onChange={setContacts} error={error} />
        {save.isError && !isProblemOf(error, 'conflict') && (
          <ProblemAlert error={error} fields={['description', 'email', 'website', 'contacts']} />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('directory.form.save')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('directory.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
