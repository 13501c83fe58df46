/** Weekly hours in words: "Lunes a viernes, 8:00 a. m. – 12:00 m.", "Monday to Friday, 8:00 AM – 12:00 PM". */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_NAMES: Record<'es' | 'en', Record<Weekday, { one: string; many: string }>> = {
  es: {
    MO: { one: 'lunes', many: 'lunes' },
    TU: { one: 'martes', many: 'martes' },
    WE: { one: 'miércoles', many: 'miércoles' },
    TH: { one: 'jueves', many: 'jueves' },
    FR: { one: 'viernes', many: 'viernes' },
    SA: { one: 'sábado', many: 'sábados' },
    SU: { one: 'domingo', many: 'domingos' },
  },
  en: {
    MO: { one: 'Monday', many: 'Mondays' },
    TU: { one: 'Tuesday', many: 'Tuesdays' },
    WE: { one: 'Wednesday', many: 'Wednesdays' },
    TH: { one: 'Thursday', many: 'Thursdays' },
    FR: { one: 'Friday', many: 'Fridays' },
    SA: { one: 'Saturday', many: 'Saturdays' },
    SU: { one: 'Sunday', many: 'Sundays' },
  },
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function joinList(items: string[], language: 'es' | 'en') {
  if (items.length <= 1) return items.join('');
  const and = language === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}

/** The days of an HSDS `byday` ("MO,TU,WE,TH,FR") in words; runs of three or more days read as a range. */
export function formatDays(byday: string | null, language: 'es' | 'en'): string {
  const days = WEEKDAYS.filter((day) => byday?.split(',').includes(day));
  const names = DAY_NAMES[language];
  if (days.length === 7) return language === 'es' ? 'Todos los días' : 'Every day';
  if (days.length === 0) return '';
  if (days.length === 1) return capitalize(names[days[0] as Weekday].many);
  const runs: Weekday[][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && WEEKDAYS.indexOf(day) === WEEKDAYS.indexOf(last.at(-1) as Weekday) + 1) last.push(day);
    else runs.push([day]);
  }
  const to = language === 'es' ? ' a ' : ' to ';
  const parts = runs.flatMap((run) =>
    run.length >= 3
      ? [`${names[run[0] as Weekday].one}${to}${names[run.at(-1) as Weekday].one}`]
      : run.map((day) => names[day].one),
  );
  return capitalize(joinList(parts, language));
}

/** "08:00" → "8:00 a. m.", "12:00" → "12:00 m." (Colombian usage), "14:30" → "2:30 p. m."; English "2:30 PM". */
export function formatTime(time: string | null, language: 'es' | 'en'): string {
  if (!time) return '';
  const [h = 0, m = 0] = time.split(':').map(Number);
  const minutes = String(m).padStart(2, '0');
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  // No-break spaces: "p. m." never splits across lines on a phone.
  if (language === 'en') return `${hour12}:${minutes}\u00a0${h < 12 ? 'AM' : 'PM'}`;
  if (h === 12 && m === 0) return '12:00\u00a0m.';
  return `${hour12}:${minutes}\u00a0${h < 12 ? 'a.\u00a0m.' : 'p.\u00a0m.'}`;
}

export function formatSchedule(
  schedule: { byday: string | null; opensAt: string | null; closesAt: string | null },
  language: 'es' | 'en',
): string {
  const days = formatDays(schedule.byday, language);
  const hours =
    schedule.opensAt && schedule.closesAt
      ? `${formatTime(schedule.opensAt, language)} – ${formatTime(schedule.closesAt, language)}`
      : '';
  return [days, hours].filter(Boolean).join(', ');
}
