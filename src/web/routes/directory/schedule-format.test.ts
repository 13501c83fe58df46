import { describe, expect, it } from 'vitest';
import { formatDays, formatSchedule, formatTime } from './schedule-format';

/** The formatter keeps "p. m." together with no-break spaces; compare with ordinary ones. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

describe('schedule wording', () => {
  it('reads weekday runs as ranges, in Colombian Spanish and in English', () => {
    expect(
      plain(formatSchedule({ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '12:00' }, 'es')),
    ).toBe('Lunes a viernes, 8:00 a. m. – 12:00 m.');
    expect(
      plain(formatSchedule({ byday: 'MO,TU,WE,TH,FR', opensAt: '14:00', closesAt: '17:30' }, 'en')),
    ).toBe('Monday to Friday, 2:00 PM – 5:30 PM');
    expect(formatDays('TU,TH', 'es')).toBe('Martes y jueves');
    expect(formatDays('MO,WE,FR', 'en')).toBe('Monday, Wednesday and Friday');
    expect(formatDays('SA', 'es')).toBe('Sábados');
    expect(formatDays('FR,MO,TU,WE,SA', 'es')).toBe('Lunes a miércoles, viernes y sábado');
    expect(formatDays('MO,TU,WE,TH,FR,SA,SU', 'es')).toBe('Todos los días');
  });

  it('writes noon as "m." and midnight as a. m.', () => {
    expect(plain(formatTime('12:00', 'es'))).toBe('12:00 m.');
    expect(plain(formatTime('12:30', 'es'))).toBe('12:30 p. m.');
    expect(plain(formatTime('00:15', 'es'))).toBe('12:15 a. m.');
    expect(plain(formatTime('07:05:00', 'en'))).toBe('7:05 AM');
  });
});
