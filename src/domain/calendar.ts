/** The calendar day in Colombia (UTC−5, no daylight saving), where every office of the network works. */
export function colombianDate(instant: Date): string {
  return new Date(instant.getTime() - 5 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
