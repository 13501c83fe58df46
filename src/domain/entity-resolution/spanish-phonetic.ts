import { foldName } from '../registry/names';

/**
 * A phonetic key for Spanish names as they are spoken in Colombia and most of Latin America, so that two
 * spellings a person would pronounce the same ("Vásquez", "Vazquez", "Basquez") get the same key.
 *
 * Written for Ruta from published descriptions of how Spanish phonetic codings work — the rule lists of the
 * Spanish adaptations of Soundex (the letter classes that merge b/v, c/s/z, g/j; see the RecordLinkage and
 * SciencePo `soundexES` documentation), the Spanish Metaphone of Mosquera, Lloret and Moreda (LREC NLP4ITA
 * workshop 2012: context rules for c, g, qu, ll, h), Splink's guide to phonetic transformations for blocking
 * and comparison — and from the pronunciation of Latin American Spanish (seseo, yeísmo). No code or text of
 * any of those implementations was copied; in particular nothing from GPL libraries. Unlike Soundex the key
 * keeps the vowels and every consonant (no truncation to four characters): Spanish vowels are stable in
 * writing and names are short, so dropping them would merge Pérez with Paris and Castro with Castaño.
 *
 * The key is a string over this alphabet: vowels A E I O U; consonants B D F G K L M N P R S T Y C (C is the
 * "ch" sound), plus the sequence KS for a medial x. Rules, in the order a word is read, each with its reason:
 *
 * 1. Fold: accents and case removed, only letters kept. ñ folds to n, so "Núñez" = "Nunez": registries and
 *    keyboards drop the tilde (upper-case systems write NUNEZ), and a key giving ñ its own sound "ny" would split
 *    the very spellings we need to join (Zúñiga / Suniga). ü folds to u (see rule 6).
 * 2. h is silent (Hernández = Ernandez), except in "ch", which is one sound kept apart (C): Chávez is not
 *    Cávez. "sh" is read s, "ph" f (Stephany), "th" t (Jonathan), "jh" j (Jhon) — all fall out of a silent h
 *    except "ph", which is rewritten to f.
 * 3. Seseo: z, and c before e or i, sound s (Zúñiga = Suñiga, Cecilia = Sesilia).
 * 4. c before a, o, u or a consonant, k, and qu before e or i sound k (Quintero = Kintero, Carlos = Karlos).
 *    q is k in any position; the u after it is dropped. "cc" before e/i is k + s.
 * 5. b and v are one sound in Spanish (Vásquez = Basquez). w, found in names taken from English (Wilson,
 *    Edwin), is read u (Uilson), which is how Colombian speakers say it.
 * 6. g and j are merged into one class (G). A g before e/i sounds like j (Giraldo = Jiraldo), and the u of
 *    "gue/gui" (also "güe/güi") is dropped because it only marks a hard g. We then merge the hard g with j too:
 *    spellers confuse g and j in both directions, and a dropped u ("Gillermo" for Guillermo) turns a hard g into
 *    a soft one on paper while the person is still Guillermo. The price is that Gil and Jil share a key, which
 *    is the same name anyway.
 * 7. Yeísmo: ll and y before a vowel are one sound (Y): Yépez = Llépez, Castillo = Castiyo. A y not before a
 *    vowel is the vowel i (Godoy = Godoi, Ydalia = Idalia).
 * 8. x: at the start of a word it is read j (Ximena = Jimena, Xavier = Javier, Ximénez = Jiménez: the old
 *    spelling kept in Mexican and Colombian names); elsewhere it is ks (Alexis, Maximiliano). Known miss:
 *    Xiomara, a common Colombian name, is said "Siomara"; its key (GIOMARA) still matches every "Xiomara".
 * 9. n before b, v or p sounds m (Sanvicente = Sambicente).
 * 10. An initial s before a consonant gets the e Spanish speakers add (Stefany = Estefany).
 * 11. r and rr, like every doubled letter, collapse: after the mapping, a symbol repeated is written once
 *     (Carrillo = Carillo, Maccarena = Macarena).
 *
 * Not done, on purpose: dropping a final d (Trinidad / Trinida: writers rarely omit it, and it would merge
 * nothing else of use); distinguishing ñ (rule 1).
 */

const VOWELS = 'aeiou';

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

function isFront(ch: string | undefined): boolean {
  return ch === 'e' || ch === 'i' || ch === 'y';
}

/** Letters only, folded: the alphabet the rules read. */
function lettersOf(word: string): string {
  return foldName(word).replace(/[^a-z]/g, '');
}

const keyCache = new Map<string, string>();

/** The phonetic key of one word. Empty when the word has no letters. Cached by word (names repeat). */
export function spanishPhoneticKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    if (keyCache.size >= 200_000) keyCache.clear();
    key = computeKey(word);
    keyCache.set(word, key);
  }
  return key;
}

function computeKey(word: string): string {
  // Rule 11, first half: a doubled letter is one letter, except ll and cc, which are digraphs (rules 4 and 7).
  const w = lettersOf(word).replace(/([abd-km-z])\1+/g, '$1');
  if (w.length === 0) return '';
  let out = '';
  const push = (symbol: string) => {
    // Rule 11, second half: a symbol repeated after the mapping is written once (ck → K, "sz" → S).
    if (out.length > 0 && out[out.length - 1] === symbol) return;
    out += symbol;
  };
  let i = 0;
  // Rule 10: initial s (or z, the same sound) + consonant.
  if ((w[0] === 's' || w[0] === 'z') && w.length > 1 && !isVowel(w[1]) && !'yhsz'.includes(w[1] as string))
    push('E');
  while (i < w.length) {
    const ch = w[i] as string;
    const next = w[i + 1];
    switch (ch) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        push(ch.toUpperCase());
        i++;
        break;
      case 'h':
        i++; // Rule 2: silent.
        break;
      case 'c':
        if (next === 'h') {
          push('C');
          i += 2;
        } else if (isFront(next)) {
          push('S');
          i++;
        } else if (next === 'c' && isFront(w[i + 2])) {
          // "cc" + e/i: k + s (rule 4).
          push('K');
          push('S');
          i += 2;
        } else {
          push('K');
          i++;
        }
        break;
      case 'q':
        push('K');
        i += next === 'u' ? 2 : 1;
        break;
      case 'k':
        push('K');
        i++;
        break;
      case 'z':
      case 's':
        push('S');
        i++;
        break;
      case 'b':
      case 'v':
        push('B');
        i++;
        break;
      case 'w':
        push('U');
        i++;
        break;
      case 'g':
        push('G');
        // Rule 6: the u of gue/gui only marks the hard g.
        i += next === 'u' && isFront(w[i + 2]) ? 2 : 1;
        break;
      case 'j':
        push('G');
        i++;
        break;
      case 'l':
        if (next === 'l') {
          push('Y');
          i += 2;
        } else {
          push('L');
          i++;
        }
        break;
      case 'y':
        if (isVowel(next)) push('Y');
        else push('I');
        i++;
        break;
      case 'x':
        if (i === 0) {
          push('G');
        } else {
          push('K');
          push('S');
        }
        i++;
        break;
      case 'n':
        push(next === 'b' || next === 'v' || next === 'p' ? 'M' : 'N');
        i++;
        break;
      case 'p':
        if (next === 'h') {
          push('F');
          i += 2;
        } else {
          push('P');
          i++;
        }
        break;
      default:
        // d f m r t: themselves.
        push(ch.toUpperCase());
        i++;
    }
  }
  return out;
}

/** The key of every word of a name, space-separated, for a whole given name or surname. */
export function spanishPhoneticName(text: string): string {
  return foldName(text)
    .split(' ')
    .map(spanishPhoneticKey)
    .filter((key) => key.length > 0)
    .join(' ');
}
