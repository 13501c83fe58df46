import type { ProtocolDefinition } from './protocol';

/**
 * The protocols ("hojas de ruta") Ruta ships, one per arrival category, written in our own words from what
 * arrival posts do in the first hours. Offsets count from the moment the traveller is received. Administrators
 * and coordinators adapt them; every edit is a new version, so tasks already created keep their steps.
 */
const HOUR = 60;
const DAY = 24 * HOUR;

const referToOffice = {
  id: 'refer_office',
  title: {
    es: 'Remitir a una Oficina de Atención al Migrante para abrir su caso',
    en: 'Refer to a Migrant Assistance Office to open a case',
  },
  dueOffsetMinutes: DAY,
};
const contactFamily = {
  id: 'contact_family',
  title: {
    es: 'Contactar a un familiar o a una persona de referencia',
    en: 'Contact a relative or a reference person',
  },
  dueOffsetMinutes: HOUR,
};
const offerShelter = {
  id: 'offer_shelter',
  title: {
    es: 'Ofrecer alojamiento temporal si no tiene dónde llegar',
    en: 'Offer temporary shelter if there is nowhere to go',
  },
  dueOffsetMinutes: 2 * HOUR,
};

export const SHIPPED_PROTOCOLS: ProtocolDefinition[] = [
  {
    category: 'deported',
    name: { es: 'Persona deportada o expulsada', en: 'Deported or expelled person' },
    steps: [
      {
        id: 'verify_identity',
        title: {
          es: 'Verificar la identidad con el documento o con Migración Colombia',
          en: 'Verify identity with the document or with Migración Colombia',
        },
        dueOffsetMinutes: 15,
      },
      {
        id: 'health_screening',
        title: {
          es: 'Hacer la valoración inicial de salud y remitir si hace falta',
          en: 'Do an initial health screening and refer if needed',
        },
        dueOffsetMinutes: 30,
      },
      contactFamily,
      offerShelter,
      referToOffice,
    ],
  },
  {
    category: 'unaccompanied_minor',
    name: {
      es: 'Niña, niño o adolescente no acompañado o separado',
      en: 'Unaccompanied or separated child',
    },
    steps: [
      {
        id: 'notify_icbf',
        title: {
          es: 'Avisar de inmediato al ICBF (defensoría de familia de turno)',
          en: 'Notify ICBF at once (the family ombudsperson on duty)',
        },
        dueOffsetMinutes: 10,
      },
      {
        id: 'stay_accompanied',
        title: {
          es: 'Mantenerle acompañado por personal del puesto hasta la entrega',
          en: 'Keep the child accompanied by post staff until the handover',
        },
        dueOffsetMinutes: 10,
      },
      {
        id: 'identify_guardian',
        title: {
          es: 'Identificar a su familia o a quien tenga su cuidado legal',
          en: 'Identify the family or the legal guardian',
        },
        dueOffsetMinutes: HOUR,
      },
      {
        id: 'health_check',
        title: { es: 'Hacer la valoración de salud', en: 'Do a health check' },
        dueOffsetMinutes: HOUR,
      },
      {
        id: 'handover_icbf',
        title: {
          es: 'Entregar al ICBF con acta firmada',
          en: 'Hand over to ICBF with a signed record',
        },
        dueOffsetMinutes: 4 * HOUR,
      },
    ],
  },
  {
    category: 'health_condition',
    name: { es: 'Condición de salud que requiere atención', en: 'Health condition needing care' },
    steps: [
      {
        id: 'initial_triage',
        title: {
          es: 'Valorar la condición de salud al llegar',
          en: 'Assess the health condition on arrival',
        },
        dueOffsetMinutes: 15,
      },
      {
        id: 'medical_transfer',
        title: {
          es: 'Trasladar al servicio de salud del aeropuerto o a la Secretaría de Salud',
          en: 'Transfer to the airport health service or to the health secretariat',
        },
        dueOffsetMinutes: HOUR,
      },
      { ...contactFamily, dueOffsetMinutes: 2 * HOUR },
      {
        id: 'confirm_care',
        title: {
          es: 'Confirmar que recibió la atención y dejar registro del seguimiento',
          en: 'Confirm the care was received and record the follow-up',
        },
        dueOffsetMinutes: DAY,
      },
    ],
  },
  {
    category: 'no_support',
    name: {
      es: 'Sin referencias familiares ni recursos',
      en: 'No family references and no resources',
    },
    steps: [
      {
        id: 'food',
        title: { es: 'Ofrecer alimentación e hidratación', en: 'Offer food and water' },
        dueOffsetMinutes: 30,
      },
      offerShelter,
      {
        id: 'transport',
        title: {
          es: 'Gestionar el transporte al albergue o al lugar de destino',
          en: 'Arrange transport to the shelter or the destination',
        },
        dueOffsetMinutes: 4 * HOUR,
      },
      referToOffice,
    ],
  },
  {
    category: 'other_vulnerability',
    name: { es: 'Otra situación de vulnerabilidad', en: 'Other vulnerability' },
    steps: [
      {
        id: 'identify_need',
        title: {
          es: 'Identificar la necesidad y la entidad que la atiende',
          en: 'Identify the need and the organization that meets it',
        },
        dueOffsetMinutes: HOUR,
      },
      {
        id: 'psychosocial_first_aid',
        title: { es: 'Ofrecer primeros auxilios psicológicos', en: 'Offer psychological first aid' },
        dueOffsetMinutes: HOUR,
      },
      referToOffice,
    ],
  },
];
