import { nameKeys } from '../../domain/registry/name-keys';
import { type PersonName, searchableName } from '../../domain/registry/names';

/** The stored forms of a name that search and the duplicate check read; every write of a name sets both. */
export function nameColumns(name: PersonName): { search_name: string; name_keys: string[] } {
  return { search_name: searchableName(name), name_keys: nameKeys(name) };
}
