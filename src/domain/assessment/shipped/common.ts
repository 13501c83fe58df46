import type { InstrumentInput, LocalizedText } from '../instrument';

export const t = (es: string, en: string): LocalizedText => ({ es, en });

/** Low, basic, medium and high: the levels both shipped instruments use (thresholds on the 0–1 index). */
export const FOUR_LEVELS: InstrumentInput['levels'] = [
  { id: 'bajo', label: t('Bajo', 'Low'), min: 0 },
  { id: 'basico', label: t('Básico', 'Basic'), min: 0.4 },
  { id: 'medio', label: t('Medio', 'Medium'), min: 0.6 },
  { id: 'alto', label: t('Alto', 'High'), min: 0.8 },
];
