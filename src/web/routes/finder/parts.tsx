import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { FinderContact, FinderLocation, FinderSchedule, FinderService } from '../../api/finder';
import { currentLanguage, LOCALE_TAGS, useT } from '../../i18n';
import { formatSchedule, type ScheduleWords } from './schedule';

function useScheduleWords(): ScheduleWords {
  const t = useT();
  return {
    day: (code) => t(`finder.schedule.days.${code}`),
    range: (from, to) => t('finder.schedule.range', { from, to }),
    everyDay: t('finder.schedule.everyDay'),
    hours: (opens, closes) => t('finder.schedule.hours', { opens, closes }),
  };
}

export function Schedules({ schedules }: { schedules: FinderSchedule[] }) {
  const words = useScheduleWords();
  const locale = LOCALE_TAGS[currentLanguage()];
  const lines = schedules.map((schedule) => formatSchedule(schedule, words, locale)).filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </>
  );
}

export function placeOf(location: FinderLocation): string {
  const municipality = location.municipality
    ? `${location.municipality.name} (${location.municipality.departmentName})`
    : '';
  return [location.address, municipality].filter(Boolean).join(', ');
}

/** A phone number as a `tel:` address: digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** Phones as big call buttons (a tap on a phone dials), emails as links. */
export function ContactLinks({ contacts, email }: { contacts: FinderContact[]; email?: string | null }) {
  const t = useT();
  const phones = [...new Set(contacts.flatMap((contact) => (contact.phone ? [contact.phone] : [])))];
  const emails = [
    ...new Set([
      ...(email ? [email] : []),
      ...contacts.flatMap((contact) => (contact.email ? [contact.email] : [])),
    ]),
  ];
  if (phones.length === 0 && emails.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {phones.map((phone) => (
        <Button key={phone} component="a" href={telHref(phone)} variant="light" size="md">
          {t('finder.card.call', { phone })}
        </Button>
      ))}
      {emails.map((address) => (
        <Anchor key={address} href={`mailto:${address}`} size="sm" className="finder-wrap">
          {address}
        </Anchor>
      ))}
    </Group>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} c="dimmed" component="p">
        {label}
      </Text>
      {children}
    </div>
  );
}

/** Where: the first place (the one in the chosen municipality comes first), or the area, or "nationwide". */
function Where({ service }: { service: FinderService }) {
  const t = useT();
  const [first, ...rest] = service.locations;
  if (first) {
    return (
      <Fact label={t('finder.card.where')}>
        <Text size="sm">
          {first.name}
          {placeOf(first) ? `: ${placeOf(first)}` : ''}
          {rest.length > 0 ? ` ${t('finder.card.moreLocations', { count: rest.length })}` : ''}
        </Text>
      </Fact>
    );
  }
  if (service.areaServed.length > 0) {
    const places = new Intl.ListFormat(LOCALE_TAGS[currentLanguage()], { type: 'conjunction' }).format(
      service.areaServed.map((area) => area.name),
    );
    return (
      <Fact label={t('finder.card.where')}>
        <Text size="sm">{t('finder.card.areaServed', { places })}</Text>
      </Fact>
    );
  }
  return (
    <Fact label={t('finder.card.where')}>
      <Text size="sm">{t('finder.card.remote')}</Text>
    </Fact>
  );
}

/** One result: what, who, where, when, how to apply, cost, and how to call. */
export function ServiceCard({ service, search }: { service: FinderService; search: string }) {
  const t = useT();
  const schedules = service.locations[0]?.schedules.length
    ? service.locations[0].schedules
    : service.schedules;
  const contacts = [...(service.locations[0]?.contacts ?? []), ...service.contacts];
  return (
    <Paper component="li" withBorder p="md" radius="md" className="finder-card">
      <Stack gap="sm">
        <div>
          <Title order={3} fz="lg" className="finder-wrap">
            <Anchor component={Link} to={`/servicios/${service.id}${search}`} inherit>
              {service.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed" className="finder-wrap">
            {service.organization.name}
          </Text>
        </div>
        <Group gap="xs">
          <Badge variant="light" color="ruta" className="finder-badge">
            {t(`finder.category.names.${service.category.code}` as 'finder.category.names.other')}
          </Badge>
          {service.reach === 'national' && (
            <Badge variant="outline" color="gray" className="finder-badge">
              {t('finder.card.nationwide')}
            </Badge>
          )}
        </Group>
        <Where service={service} />
        {schedules.length > 0 && (
          <Fact label={t('finder.card.when')}>
            <Schedules schedules={schedules} />
          </Fact>
        )}
        {service.applicationProcess && (
          <Fact label={t('finder.card.how')}>
            <Text size="sm" lineClamp={3}>
              {service.applicationProcess}
            </Text>
          </Fact>
        )}
        {service.fees && (
          <Fact label={t('finder.card.cost')}>
            <Text size="sm">{service.fees}</Text>
          </Fact>
        )}
        <ContactLinks contacts={contacts} email={service.email} />
      </Stack>
    </Paper>
  );
}
