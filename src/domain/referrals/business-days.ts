/**
 * Colombian public holidays (Ley 51 de 1983, "Ley Emiliani"): fixed dates, dates moved to the following Monday,
 * and the Easter-based feasts (Holy Thursday and Good Friday stay; Ascension, Corpus Christi and Sacred Heart
 * move to Monday). Dates are `YYYY-MM-DD` calendar days in Colombia.
 */
const FIXED = ['01-01', '05-01', '07-20', '08-07', '12-08', '12-25'];
const MOVED_TO_MONDAY = ['01-06', '03-19', '06-29', '08-15', '10-12', '11-01', '11-11'];

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utcDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDay(year, month, day);
}

/** The Monday on or after a day. */
function nextMonday(date: Date): Date {
  const weekday = date.getUTCDay();
  return plusDays(date, weekday === 1 ? 0 : (8 - weekday) % 7);
}

const cache = new Map<number, Set<string>>();

export function colombianHolidays(year: number): Set<string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const days = new Set<string>();
  for (const md of FIXED) days.add(`${year}-${md}`);
  for (const md of MOVED_TO_MONDAY) {
    const [month, day] = md.split('-').map(Number) as [number, number];
    days.add(iso(nextMonday(utcDay(year, month, day))));
  }
  const sunday = easter(year);
  days.add(iso(plusDays(sunday, -3)));
  days.add(iso(plusDays(sunday, -2)));
  days.add(iso(plusDays(sunday, 43)));
  days.add(iso(plusDays(sunday, 64)));
  days.add(iso(plusDays(sunday, 71)));
  cache.set(year, days);
  return days;
}

/** Monday to Friday and not a Colombian public holiday. */
export function isBusinessDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !colombianHolidays(date.getUTCFullYear()).has(day);
}

/** The business day `count` business days after `day` (count ≥ 0; 0 is `day` itself, business day or not). */
export function addBusinessDays(day: string, count: number): string {
  let date = new Date(`${day}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    date = plusDays(date, 1);
    if (isBusinessDay(iso(date))) left--;
  }
  return iso(date);
}

/** A calendar day `count` days after `day`. */
export function addCalendarDays(day: string, count: number): string {
  return iso(plusDays(new Date(`${day}T00:00:00Z`), count));
}
