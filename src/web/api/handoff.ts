import { queryOptions } from '@tanstack/react-query';
import type { Announcer, ArrivalCategory, Provision } from './arrivals';
import { api } from './client';

// The hand-off of an arrival to a Migrant Assistance Office (`src/modules/assistance/handoff-schemas.ts`).

export interface ArrivalHandoff {
  arrivalId: string;
  arrivalVersion: number;
  /** Done: where and when (no link: the post may not read the case). */
  handoff: {
    office: { id: string; name: string };
    programme: { key: string; name: string };
    handedOffAt: string;
    handedOffBy: string | null;
  } | null;
  offices: Array<{ id: string; name: string; kind: string }>;
  abilities: { handoff: boolean };
  blockedBy: 'notReceived' | 'noPerson' | null;
}

export interface CaseArrival {
  arrival: {
    postName: string;
    kind: 'announced' | 'found';
    announcedBy: Announcer | null;
    transport: 'air' | 'land';
    flightOrCrossing: string | null;
    receivedAt: string | null;
    categories: ArrivalCategory[];
    provided: Provision[];
    shelterPlace: string | null;
    handedOffAt: string | null;
    handedOffBy: string | null;
  } | null;
}

export const arrivalHandoffQuery = (arrivalId: string) =>
  queryOptions({
    queryKey: ['arrivals', arrivalId, 'handoff'],
    queryFn: ({ signal }) => api.get<ArrivalHandoff>(`/api/v1/arrivals/${arrivalId}/handoff`, { signal }),
  });

export const caseArrivalQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', caseId, 'arrival'],
    queryFn: ({ signal }) => api.get<CaseArrival>(`/api/v1/cases/${caseId}/arrival`, { signal }),
  });

export const handoffApi = {
  handOff: (arrivalId: string, body: { version: number; officeId: string; programmeKey: string }) =>
    api.post<ArrivalHandoff>(`/api/v1/arrivals/${arrivalId}/handoff`, body),
};
