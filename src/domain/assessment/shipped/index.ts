import { InstrumentDefinition } from '../instrument';
import { HOUSEHOLD_INTEGRATION } from './household-integration';
import { PERSON_IPL12 } from './person-ipl12';

/** The instruments Ruta ships, validated as any imported one would be. */
export const SHIPPED_INSTRUMENTS: InstrumentDefinition[] = [HOUSEHOLD_INTEGRATION, PERSON_IPL12].map(
  (input) => InstrumentDefinition.parse(input),
);
