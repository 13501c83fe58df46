// How the finder words opening hours: pure, so it is tested without a browser.

export const WEEK = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface ScheduleLike {
  days: string[];
  opensAt: string | null;
  closesAt: string | null;
  description: string | null;
}

/** The few catalogue entries the wording needs: weekday names, "{{from}} a {{to}}", every day, hours. */
export interface ScheduleWords {
  day(code: (typeof WEEK)[number]): string;
  range(from: string, to: string): string;
  everyDay: string;
  hours(opens: string, closes: string): string;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function formatTime(time: string, locale: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(2000, 0, 1, hours ?? 0, minutes ?? 0),
  );
}

/** "Lunes a viernes", "Sábado", "Lunes, miércoles y viernes", "Lunes a miércoles y sábado", "Todos los días". */
export function formatDays(days: string[], words: ScheduleWords, locale: string): string {
  const known = WEEK.filter((day) => days.includes(day));
  if (known.length === 0) return '';
  if (known.length === WEEK.length) return words.everyDay;
  const runs: Array<Array<(typeof WEEK)[number]>> = [];
  for (const day of known) {
    const last = runs.at(-1);
    const previous = last?.at(-1);
    if (last && previous && WEEK.indexOf(previous) === WEEK.indexOf(day) - 1) last.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3
      ? [
          words.range(
            words.day(run[0] as (typeof WEEK)[number]),
            words.day(run.at(-1) as (typeof WEEK)[number]),
          ),
        ]
      : run.map((day) => words.day(day)),
  );
  return capitalize(new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts));
}

/** "Lunes a viernes, de 8:00 a. m. a 4:00 p. m. (Jornada mañana)". */
export function formatSchedule(schedule: ScheduleLike, words: ScheduleWords, locale: string): string {
  const days = formatDays(schedule.days, words, locale);
  const hours =
    schedule.opensAt && schedule.closesAt
      ? words.hours(formatTime(schedule.opensAt, locale), formatTime(schedule.closesAt, locale))
      : '';
  const main = capitalize([days, hours].filter(Boolean).join(', '));
  if (schedule.description) return main ? `${main} (${schedule.description})` : schedule.description;
  return main;
}
