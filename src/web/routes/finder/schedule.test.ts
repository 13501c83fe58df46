import { describe, expect, it } from 'vitest';
import { formatDays, formatSchedule, type ScheduleWords } from './schedule';

const NAMES = {
  MO: 'lunes',
  TU: 'martes',
  WE: 'miércoles',
  TH: 'jueves',
  FR: 'viernes',
  SA: 'sábado',
  SU: 'domingo',
};
const es: ScheduleWords = {
  day: (code) => NAMES[code],
  range: (from, to) => `${from} a ${to}`,
  everyDay: 'Todos los días',
  hours: (opens, closes) => `de ${opens} a ${closes}`,
};

describe('opening hours in words', () => {
  it('joins runs of three days or more into a range, and lists the others', () => {
    expect(formatDays(['MO', 'TU', 'WE', 'TH', 'FR'], es, 'es-CO')).toBe('Lunes a viernes');
    expect(formatDays(['SA'], es, 'es-CO')).toBe('Sábado');
    expect(formatDays(['FR', 'MO', 'WE'], es, 'es-CO')).toBe('Lunes, miércoles y viernes');
    expect(formatDays(['MO', 'TU', 'WE', 'SA', 'SU'], es, 'es-CO')).toBe(
      'Lunes a miércoles, sábado y domingo',
    );
    expect(formatDays(['SU', 'SA', 'FR', 'TH', 'WE', 'TU', 'MO'], es, 'es-CO')).toBe('Todos los días');
    expect(formatDays(['XX'], es, 'es-CO')).toBe('');
  });

  it('adds the hours in the local style and the note', () => {
    const schedule = { days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '16:30' };
    const text = formatSchedule({ ...schedule, description: 'Jornada continua' }, es, 'es-CO');
    expect(text).toMatch(/^Lunes a viernes, de 8:00\sa\.\sm\. a 4:30\sp\.\sm\. \(Jornada continua\)$/);
    expect(
      formatSchedule({ days: [], opensAt: null, closesAt: null, description: 'Con cita' }, es, 'es-CO'),
    ).toBe('Con cita');
    expect(
      formatSchedule({ days: ['SA'], opensAt: null, closesAt: null, description: null }, es, 'es-CO'),
    ).toBe('Sábado');
  });
});
