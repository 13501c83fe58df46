import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { FinderContact, FinderLocation, FinderSchedule, FinderService } from '../../api/finder';
import { currentLanguage, LOCALE_TAGS, type Translate, useT } from '../../i18n';

const WEEK = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function formatTime(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(LOCALE_TAGS[currentLanguage()], {
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(2000, 0, 1, hours ?? 0, minutes ?? 0));
}

/** "Lunes a viernes", "Sábado", "Lunes, miércoles y viernes", "Todos los días". */
export function formatDays(days: string[], t: Translate): string {
  const known = WEEK.filter((day) => days.includes(day));
  if (known.length === 0) return '';
  if (known.length === WEEK.length) return t('finder.schedule.everyDay');
  const runs: Array<(typeof WEEK)[number][]> = [];
  for (const day of known) {
    const last = runs.at(-1);
    if (last && WEEK.indexOf(last.at(-1) as (typeof WEEK)[number]) === WEEK.indexOf(day) - 1) last.push(day);
    else runs.push([day]);
  }
  const name = (day: string) => t(`finder.schedule.days.${day}` as 'finder.schedule.days.MO');
  const parts = runs.flatMap((run) =>
    run.length >= 3
      ? [t('finder.schedule.range', { from: name(run[0] as string), to: name(run.at(-1) as string) })]
      : run.map(name),
  );
  const list = new Intl.ListFormat(LOCALE_TAGS[currentLanguage()], { type: 'conjunction' }).format(parts);
  return capitalize(list);
}

export function formatSchedule(schedule: FinderSchedule, t: Translate): string {
  const days = formatDays(schedule.days, t);
  const hours =
    schedule.opensAt && schedule.closesAt
      ? t('finder.schedule.hours', {
          opens: formatTime(schedule.opensAt),
          closes: formatTime(schedule.closesAt),
        })
      : '';
  const main = [days, hours].filter(Boolean).join(', ');
  const text = main ? capitalize(main) : '';
  if (schedule.description) return text ? `${text} (${schedule.description})` : schedule.description;
  return text;
}

export function Schedules({ schedules }: { schedules: FinderSchedule[] }) {
  const t = useT();
  const lines = schedules.map((schedule) => formatSchedule(schedule, t)).filter(Boolean);
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
