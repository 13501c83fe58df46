/**
 * Colombia's legal monthly minimum wage (SMMLV), in pesos, by the year it applies from 1 January. Each value is the
 * government's decree for that year: 2024 Decreto 2292 de 2023, 2025 Decreto 1572 de 2024, 2026 Decreto 1469 de
 * 2025. Add next year's line when its decree is issued; until then the last known value applies.
 */
export const MINIMUM_MONTHLY_WAGE: ReadonlyArray<{ year: number; pesos: number }> = [
  { year: 2024, pesos: 1_300_000 },
  { year: 2025, pesos: 1_423_500 },
  { year: 2026, pesos: 1_750_905 },
];

/** The minimum monthly wage in force on a day (YYYY-MM-DD). */
export function minimumMonthlyWageOn(day: string): number {
  const year = Number(day.slice(0, 4));
  let pesos = (MINIMUM_MONTHLY_WAGE[0] as { pesos: number }).pesos;
  for (const entry of MINIMUM_MONTHLY_WAGE) if (entry.year <= year) pesos = entry.pesos;
  return pesos;
}
