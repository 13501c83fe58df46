import { foldName } from '../registry/names';

/**
 * Hypocorisms: the familiar forms Spanish speakers use for given names ("Pepe" for José, "Pacho" for
 * Francisco). A roster filled in at a community kitchen says "Pacho Gómez" where the registry says "Francisco
 * Gómez"; without this table the two never compare as the same given name, because neither spelling distance
 * nor sound brings them together.
 *
 * The table was written from general knowledge of Colombian and wider Latin American usage, not copied from any
 * list. It maps a folded nickname (accents stripped, lower case, as `foldName` gives it) to the folded canonical
 * given names it stands for. A nickname used for several names lists all of them ("Beto" is Alberto, Roberto,
 * Humberto or Gilberto): a hypocorism agreement is a weak level in the comparisons, so an ambiguous entry costs
 * a little precision, while leaving it out would lose the match altogether.
 *
 * Left out on purpose: forms we could not attribute with confidence to one or a few names (e.g. "Mayo", "Tito",
 * "Nena", "Mono"), generic diminutives (-ito/-ita, -illo) which a spelling comparison already catches
 * ("Carlitos" is close to "Carlos"), and compound forms standing for two given names ("Mafe" for María
 * Fernanda, "Juanpa" for Juan Pablo), which would need the comparison to span both given names.
 */
const TABLE: Readonly<Record<string, readonly string[]>> = {
  // José
  pepe: ['jose'],
  pepito: ['jose'],
  chepe: ['jose'],
  cheo: ['jose'],
  // Francisco (Pacho is the Colombian one)
  pancho: ['francisco'],
  paco: ['francisco'],
  pacho: ['francisco'],
  curro: ['francisco'],
  kiko: ['francisco', 'enrique'],
  // Jesús
  chucho: ['jesus'],
  chuy: ['jesus'],
  // Guadalupe
  lupe: ['guadalupe'],
  lupita: ['guadalupe'],
  // Ignacio / Ignacia
  nacho: ['ignacio'],
  nacha: ['ignacia'],
  // Guillermo
  memo: ['guillermo'],
  guille: ['guillermo'],
  // Antonio (Toño folds to "tono")
  tono: ['antonio'],
  tonio: ['antonio'],
  // Dolores
  lola: ['dolores'],
  lolita: ['dolores'],
  // Concepción
  concha: ['concepcion'],
  conchita: ['concepcion'],
  conchi: ['concepcion'],
  // Enrique
  quique: ['enrique'],
  kike: ['enrique'],
  // -berto names
  beto: ['alberto', 'roberto', 'humberto', 'gilberto'],
  tico: ['ricardo'],
  rigo: ['rigoberto'],
  // Juan
  juancho: ['juan'],
  juanito: ['juan'],
  // Manuel
  manolo: ['manuel'],
  manu: ['manuel'],
  // Rosario
  charo: ['rosario'],
  chayo: ['rosario'],
  // Pilar
  pili: ['pilar'],
  // Rafael
  rafa: ['rafael'],
  rafico: ['rafael'],
  // Santiago
  santi: ['santiago'],
  // Fernando / Hernando
  nando: ['fernando', 'hernando'],
  fer: ['fernando', 'fernanda'],
  // Luis
  lucho: ['luis'],
  // Ramón
  moncho: ['ramon'],
  // María
  maru: ['maria'],
  // Felipe (Pipe is Colombian)
  pipe: ['felipe'],
  // Alfonso
  poncho: ['alfonso'],
  // Gregorio
  goyo: ['gregorio'],
  // Eduardo / Gonzalo
  lalo: ['eduardo', 'gonzalo'],
  edu: ['eduardo'],
  chalo: ['gonzalo'],
  // Gustavo / Octavio
  tavo: ['gustavo', 'octavio'],
  // Salvador
  chava: ['salvador'],
  // Vicente
  chente: ['vicente'],
  // Isabel
  chabela: ['isabel'],
  isa: ['isabel'],
  // Graciela / Consuelo / Marcelo
  chela: ['graciela'],
  chelo: ['consuelo', 'marcelo'],
  // Teresa
  tere: ['teresa'],
  teresita: ['teresa'],
  // Patricia
  pati: ['patricia'],
  paty: ['patricia'],
  // Victoria
  vicky: ['victoria'],
  // Mercedes
  meche: ['mercedes'],
  merche: ['mercedes'],
  mecha: ['mercedes'],
  // Alicia
  licha: ['alicia'],
  // Nicolás
  nico: ['nicolas'],
  // Alejandro / Alejandra
  alex: ['alejandro', 'alexander', 'alejandra'],
  ale: ['alejandro', 'alejandra'],
  // Catalina, Carolina
  cata: ['catalina'],
  caro: ['carolina'],
  // Gabriel / Gabriela
  gabo: ['gabriel'],
  gaby: ['gabriela', 'gabriel'],
  gabi: ['gabriela', 'gabriel'],
  // Daniel / Daniela
  dani: ['daniel', 'daniela'],
  // Federico
  fede: ['federico'],
  // Tomás
  tomy: ['tomas'],
  // Beatriz (Betty in Colombia)
  betty: ['beatriz'],
  bea: ['beatriz'],
  // Lucía / Luz
  lucy: ['lucia', 'luz'],
  // Susana
  susi: ['susana'],
  // Jaime
  jimmy: ['jaime'],
  // Carlos
  charly: ['carlos'],
  carlitos: ['carlos'],
  // Cristina, Agustina, Martina, Valentina
  tina: ['cristina', 'agustina', 'martina', 'valentina'],
  // Ángela / Angélica
  angie: ['angela', 'angelica'],
  // Jorge
  coque: ['jorge'],
  // Adolfo, Rodolfo
  fito: ['adolfo', 'rodolfo'],
  // Javier
  javi: ['javier'],
};

/** Every hypocorism in the table with the canonical names it stands for (folded). */
export const HYPOCORISMS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(TABLE));

/** The canonical given names of the table: also a list of common given names the full-name splitter uses. */
export const CANONICAL_GIVEN_NAMES: ReadonlySet<string> = new Set(Object.values(TABLE).flat());

/**
 * The canonical forms a given-name word may stand for: the word itself first, then what the table says it is a
 * nickname for. Input is folded first, so "Toño" and "TONO" give the same answer.
 */
export function canonicalGivenNames(word: string): readonly string[] {
  let forms = canonCache.get(word);
  if (forms === undefined) {
    if (canonCache.size >= 200_000) canonCache.clear();
    const folded = foldName(word);
    const canon = HYPOCORISMS.get(folded);
    forms = canon ? [folded, ...canon] : [folded];
    canonCache.set(word, forms);
  }
  return forms;
}
const canonCache = new Map<string, readonly string[]>();

/**
 * True when two different given-name words can be the same name through the table: one is a nickname of the
 * other, or both are nicknames of one name ("Pepe" and "Chepe"). Equal words are not a hypocorism agreement;
 * they are an exact one, which the comparisons test first.
 */
export function hypocorismEqual(a: string, b: string): boolean {
  const left = canonicalGivenNames(a);
  const right = canonicalGivenNames(b);
  if (left[0] === right[0]) return false;
  for (const x of left) for (const y of right) if (x === y) return true;
  return false;
}
