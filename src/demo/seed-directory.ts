import type { Kysely } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import type { Database } from '../db/schema';
import type { ServiceCategory } from '../domain/directory/taxonomy';
import { DEMO_ORGANIZATIONS, type DemoOrganizationKey } from './network';

/** Every id of the demo directory is a UUID v5 of this namespace and a stable name: the same on every seed. */
const DEMO_DIRECTORY_NAMESPACE = '4b3c1d0e-8a7f-5b2e-9c61-2f0d7a9e3b15';
export const demoDirectoryId = (kind: string, key: string) =>
  uuidv5(`${kind}:${key}`, DEMO_DIRECTORY_NAMESPACE);

interface Hours {
  byday: string;
  opensAt: string;
  closesAt: string;
  description?: string;
}

const WEEKDAYS = 'MO,TU,WE,TH,FR';
/** The usual office hours: weekday mornings and afternoons. */
const OFFICE_HOURS: Hours[] = [
  { byday: WEEKDAYS, opensAt: '08:00', closesAt: '12:00' },
  { byday: WEEKDAYS, opensAt: '14:00', closesAt: '17:00' },
];

interface Contact {
  name: string;
  title?: string;
  email?: string;
  phone?: string;
}

interface DemoLocation {
  key: string;
  organization: DemoOrganizationKey;
  name: string;
  address1: string;
  municipalityCode: string;
  city: string;
  stateProvince: string;
  latitude: number;
  longitude: number;
  description?: string;
  transportation?: string;
  hours: Hours[];
}

export const DEMO_LOCATIONS: DemoLocation[] = [
  {
    key: 'integrate-barranquilla',
    organization: 'barranquilla',
    name: 'Centro Intégrate Barranquilla',
    address1: 'Carrera 46 # 53-34, barrio El Prado',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 10.9986,
    longitude: -74.8053,
    description: 'Centro de atención integral a población migrante, retornada y de acogida.',
    transportation: 'Rutas de Transmetro por la carrera 46; parada Estación Murillo a 4 cuadras.',
    hours: [{ byday: WEEKDAYS, opensAt: '07:30', closesAt: '16:30' }],
  },
  {
    key: 'alcaldia-barranquilla',
    organization: 'barranquilla',
    name: 'Alcaldía de Barranquilla – Sede Paseo Bolívar',
    address1: 'Calle 34 # 43-31',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 10.9833,
    longitude: -74.7806,
    hours: OFFICE_HOURS,
  },
  {
    key: 'sena-colombo-aleman',
    organization: 'sena',
    name: 'SENA – Centro Nacional Colombo Alemán',
    address1: 'Calle 30 # 3E-164',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 10.9569,
    longitude: -74.7731,
    transportation: 'Sobre la calle 30 (vía al aeropuerto); rutas urbanas hacia Soledad.',
    hours: [{ byday: WEEKDAYS, opensAt: '07:00', closesAt: '18:00' }],
  },
  {
    key: 'sena-cucuta',
    organization: 'sena',
    name: 'SENA – Centro de la Industria, la Empresa y los Servicios (Cúcuta)',
    address1: 'Calle 2N # 4-17, barrio Pescadero',
    municipalityCode: '54001',
    city: 'Cúcuta',
    stateProvince: 'Norte de Santander',
    latitude: 7.8998,
    longitude: -72.5032,
    hours: [{ byday: WEEKDAYS, opensAt: '07:00', closesAt: '17:00' }],
  },
  {
    key: 'spe-barranquilla',
    organization: 'spe',
    name: 'Centro de Empleo de Barranquilla',
    address1: 'Carrera 54 # 72-80, local 3',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 11.0042,
    longitude: -74.8114,
    hours: OFFICE_HOURS,
  },
  {
    key: 'spe-bogota',
    organization: 'spe',
    name: 'Centro de Empleo de Bogotá – Sede Centro',
    address1: 'Carrera 7 # 31-10',
    municipalityCode: '11001',
    city: 'Bogotá, D. C.',
    stateProvince: 'Bogotá, D. C.',
    latitude: 4.6193,
    longitude: -74.0686,
    hours: [{ byday: WEEKDAYS, opensAt: '08:00', closesAt: '16:00' }],
  },
  {
    key: 'salud-barranquilla',
    organization: 'salud',
    name: 'Secretaría de Salud – Punto de atención al usuario',
    address1: 'Calle 34 # 43-31, piso 2',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 10.9834,
    longitude: -74.7808,
    hours: OFFICE_HOURS,
  },
  {
    key: 'salud-camino-la-manga',
    organization: 'salud',
    name: 'Camino de Salud La Manga',
    address1: 'Calle 55 # 4B-22, barrio La Manga',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 10.9399,
    longitude: -74.8101,
    description: 'Puesto de salud de primer nivel de la red pública distrital.',
    hours: [
      { byday: WEEKDAYS, opensAt: '07:00', closesAt: '19:00' },
      { byday: 'SA', opensAt: '07:00', closesAt: '12:00' },
    ],
  },
  {
    key: 'icbf-cdi-rebolo',
    organization: 'icbf',
    name: 'CDI Rebolo – ICBF',
    address1: 'Carrera 21 # 17-35, barrio Rebolo',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 10.9676,
    longitude: -74.7699,
    hours: [{ byday: WEEKDAYS, opensAt: '07:00', closesAt: '16:00' }],
  },
  {
    key: 'icbf-cdi-villa-del-rosario',
    organization: 'icbf',
    name: 'CDI La Parada – ICBF',
    address1: 'Avenida principal La Parada, frente al parque',
    municipalityCode: '54874',
    city: 'Villa del Rosario',
    stateProvince: 'Norte de Santander',
    latitude: 7.8213,
    longitude: -72.4617,
    hours: [{ byday: WEEKDAYS, opensAt: '07:00', closesAt: '16:00' }],
  },
  {
    key: 'cancilleria-bogota',
    organization: 'cancilleria',
    name: 'Oficina de Atención al Migrante – Bogotá',
    address1: 'Carrera 6 # 9-46',
    municipalityCode: '11001',
    city: 'Bogotá, D. C.',
    stateProvince: 'Bogotá, D. C.',
    latitude: 4.5975,
    longitude: -74.0752,
    hours: [{ byday: WEEKDAYS, opensAt: '08:00', closesAt: '16:00' }],
  },
  {
    key: 'cancilleria-cucuta',
    organization: 'cancilleria',
    name: 'Oficina de Atención al Migrante – Norte de Santander',
    address1: 'Avenida 0 # 11-50, Centro',
    municipalityCode: '54001',
    city: 'Cúcuta',
    stateProvince: 'Norte de Santander',
    latitude: 7.8891,
    longitude: -72.4967,
    hours: OFFICE_HOURS,
  },
  {
    key: 'cancilleria-villa-del-rosario',
    organization: 'cancilleria',
    name: 'Punto de atención – Puente Internacional Simón Bolívar',
    address1: 'Puente Internacional Simón Bolívar, lado colombiano',
    municipalityCode: '54874',
    city: 'Villa del Rosario',
    stateProvince: 'Norte de Santander',
    latitude: 7.8206,
    longitude: -72.4629,
    hours: [{ byday: 'MO,TU,WE,TH,FR,SA,SU', opensAt: '06:00', closesAt: '18:00' }],
  },
  {
    key: 'oim-barranquilla',
    organization: 'oim',
    name: 'OIM – Oficina Barranquilla',
    address1: 'Carrera 52 # 76-167, oficina 502',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 11.0067,
    longitude: -74.8098,
    hours: OFFICE_HOURS,
  },
  {
    key: 'oim-cucuta',
    organization: 'oim',
    name: 'OIM – Oficina Cúcuta',
    address1: 'Calle 11 # 3-31, Centro',
    municipalityCode: '54001',
    city: 'Cúcuta',
    stateProvince: 'Norte de Santander',
    latitude: 7.8864,
    longitude: -72.5049,
    hours: OFFICE_HOURS,
  },
  {
    key: 'albergue-barranquilla',
    organization: 'albergue',
    name: 'Albergue Camino Seguro',
    address1: 'Calle 17 # 8-45, barrio Barlovento',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 10.9871,
    longitude: -74.7698,
    description: 'Recepción de nuevas personas hasta las 8:00 p. m.; el albergue funciona día y noche.',
    hours: [{ byday: 'MO,TU,WE,TH,FR,SA,SU', opensAt: '06:00', closesAt: '20:00' }],
  },
  {
    key: 'albergue-villa-del-rosario',
    organization: 'albergue',
    name: 'Casa de paso Camino Seguro – Villa del Rosario',
    address1: 'Calle 4 # 7-20, barrio Gramalote',
    municipalityCode: '54874',
    city: 'Villa del Rosario',
    stateProvince: 'Norte de Santander',
    latitude: 7.8339,
    longitude: -72.4744,
    hours: [{ byday: 'MO,TU,WE,TH,FR,SA,SU', opensAt: '06:00', closesAt: '20:00' }],
  },
  {
    key: 'camara-barranquilla',
    organization: 'camara',
    name: 'Cámara de Comercio de Barranquilla – Sede Centro',
    address1: 'Vía 40 # 36-135',
    municipalityCode: '08001',
    city: 'Barranquilla',
    stateProvince: 'Atlántico',
    latitude: 10.9931,
    longitude: -74.7825,
    hours: [{ byday: WEEKDAYS, opensAt: '08:00', closesAt: '17:00' }],
  },
  {
    key: 'bancoldex-bogota',
    organization: 'bancoldex',
    name: 'Bancóldex – Oficina principal',
    address1: 'Calle 28 # 13A-15, piso 38',
    municipalityCode: '11001',
    city: 'Bogotá, D. C.',
    stateProvince: 'Bogotá, D. C.',
    latitude: 4.6155,
    longitude: -74.0697,
    hours: [{ byday: WEEKDAYS, opensAt: '08:00', closesAt: '16:00' }],
  },
];

export interface DemoService {
  key: string;
  organization: DemoOrganizationKey;
  name: string;
  description: string;
  category: Exclude<ServiceCategory, 'other'>;
  applicationProcess: string;
  eligibilityDescription?: string;
  feesDescription?: string;
  minimumAge?: number;
  maximumAge?: number;
  populationGroups?: string[];
  sexes?: string[];
  /** Identity documents accepted (the person needs one of them); empty when none is asked. */
  requiredDocuments?: string[];
  /** Where it is offered; empty when national. */
  municipalityCodes?: string[];
  url?: string;
  email?: string;
  capacityPerMonth: number;
  acceptanceDays: number;
  completionDays: number;
  locations: Array<{ key: string; hours?: Hours[]; description?: string }>;
  contacts: Contact[];
}

const FREE = 'Gratuito.';
const MIGRANTS_AND_RETURNEES = ['returnee', 'venezuelan_migrant', 'refugee_or_asylum_seeker'];

export const DEMO_SERVICES: DemoService[] = [
  {
    key: 'sena-tecnico-comercio',
    organization: 'sena',
    name: 'Técnico en operaciones de comercio',
    description:
      'Formación titulada de 12 meses (etapa lectiva y etapa productiva) en ventas, servicio al cliente, manejo de inventarios y caja.',
    category: 'vocational_training',
    applicationProcess:
      'Inscripción en las convocatorias trimestrales de SENA Sofía Plus; el gestor de caso puede remitir para apoyo en la inscripción y la prueba de ingreso.',
    eligibilityDescription: 'Mayores de 16 años con noveno grado aprobado.',
    feesDescription: FREE,
    minimumAge: 16,
    populationGroups: ['returnee', 'venezuelan_migrant', 'refugee_or_asylum_seeker', 'host_community'],
    requiredDocuments: ['CC', 'TI', 'PPT', 'CE'],
    municipalityCodes: ['08001', '54001'],
    url: 'https://www.sena.edu.co',
    capacityPerMonth: 30,
    acceptanceDays: 5,
    completionDays: 365,
    locations: [
      {
        key: 'sena-colombo-aleman',
        hours: [{ byday: WEEKDAYS, opensAt: '07:00', closesAt: '13:00', description: 'Jornada mañana' }],
      },
      { key: 'sena-cucuta' },
    ],
    contacts: [
      {
        name: 'Coordinación académica',
        title: 'Formación titulada',
        email: 'formacion.atlantico@sena.example',
        phone: '+57 605 330 0100',
      },
    ],
  },
  {
    key: 'sena-emprendimiento',
    organization: 'sena',
    name: 'Formación en emprendimiento y acceso al Fondo Emprender',
    description:
      'Talleres para convertir una idea en un plan de negocio y acompañamiento para presentarlo al Fondo Emprender.',
    category: 'entrepreneurship_training',
    applicationProcess:
      'Remisión del gestor de caso; la unidad de emprendimiento llama para la entrevista inicial.',
    eligibilityDescription: 'Mayores de 18 años con una idea de negocio.',
    feesDescription: FREE,
    minimumAge: 18,
    populationGroups: ['returnee', 'venezuelan_migrant', 'host_community'],
    requiredDocuments: ['CC', 'PPT', 'CE'],
    url: 'https://www.fondoemprender.com',
    capacityPerMonth: 20,
    acceptanceDays: 7,
    completionDays: 90,
    locations: [{ key: 'sena-colombo-aleman' }],
    contacts: [
      { name: 'Unidad de emprendimiento', email: 'emprendimiento@sena.example', phone: '+57 605 330 0120' },
    ],
  },
  {
    key: 'spe-intermediacion',
    organization: 'spe',
    name: 'Orientación e intermediación laboral',
    description:
      'Registro de la hoja de vida, orientación ocupacional, talleres de búsqueda de empleo y remisión a vacantes de empresas de la región.',
    category: 'job_placement',
    applicationProcess: 'Registro de la hoja de vida en el Servicio Público de Empleo y cita de orientación.',
    eligibilityDescription: 'Mayores de 18 años con cédula de ciudadanía, cédula de extranjería o PPT.',
    feesDescription: FREE,
    minimumAge: 18,
    requiredDocuments: ['CC', 'CE', 'PPT'],
    url: 'https://www.serviciodeempleo.gov.co',
    capacityPerMonth: 120,
    acceptanceDays: 3,
    completionDays: 60,
    locations: [{ key: 'spe-barranquilla' }, { key: 'spe-bogota' }, { key: 'integrate-barranquilla' }],
    contacts: [
      {
        name: 'Centro de Empleo Barranquilla',
        email: 'empleo.barranquilla@spe.example',
        phone: '+57 605 385 0000',
      },
    ],
  },
  {
    key: 'salud-afiliacion',
    organization: 'salud',
    name: 'Afiliación al régimen subsidiado de salud',
    description:
      'Afiliación a una EPS del régimen subsidiado y orientación para acceder a la red de servicios.',
    category: 'health_affiliation',
    applicationProcess:
      'Presentarse con el documento de identidad; con PPT la afiliación se hace el mismo día.',
    eligibilityDescription: 'Personas sin capacidad de pago, con documento válido en Colombia.',
    feesDescription: FREE,
    requiredDocuments: ['CC', 'TI', 'RC', 'CE', 'PPT'],
    municipalityCodes: ['08001'],
    capacityPerMonth: 200,
    acceptanceDays: 2,
    completionDays: 15,
    locations: [{ key: 'salud-barranquilla' }, { key: 'integrate-barranquilla' }],
    contacts: [
      { name: 'Aseguramiento', email: 'aseguramiento@salud-barranquilla.example', phone: '+57 605 339 9999' },
    ],
  },
  {
    key: 'salud-sisben',
    organization: 'salud',
    name: 'Encuesta del SISBÉN IV',
    description:
      'Solicitud y aplicación de la encuesta del SISBÉN en el hogar, requisito para programas sociales.',
    category: 'sisben_registration',
    applicationProcess:
      'Solicitud en el punto de atención; la visita al hogar se agenda en los días siguientes.',
    eligibilityDescription: 'Hogares residentes en Barranquilla con documento válido en Colombia.',
    feesDescription: FREE,
    requiredDocuments: ['CC', 'CE', 'PPT'],
    municipalityCodes: ['08001'],
    capacityPerMonth: 150,
    acceptanceDays: 5,
    completionDays: 30,
    locations: [{ key: 'salud-barranquilla' }],
    contacts: [{ name: 'Oficina del SISBÉN', phone: '+57 605 339 9900' }],
  },
  {
    key: 'salud-sexual-reproductiva',
    organization: 'salud',
    name: 'Salud sexual y reproductiva',
    description:
      'Planificación familiar, control prenatal, pruebas rápidas de VIH y sífilis y asesoría en derechos sexuales y reproductivos.',
    category: 'sexual_reproductive_health',
    applicationProcess: 'Atención sin cita en el horario del puesto de salud; el control prenatal se agenda.',
    eligibilityDescription: 'Cualquier persona, con o sin documento y sin importar su afiliación.',
    feesDescription: FREE,
    capacityPerMonth: 300,
    acceptanceDays: 2,
    completionDays: 10,
    locations: [{ key: 'salud-camino-la-manga' }],
    contacts: [{ name: 'Enfermería – Camino de Salud La Manga', phone: '+57 605 339 9950' }],
  },
  {
    key: 'salud-mental',
    organization: 'salud',
    name: 'Atención en salud mental',
    description: 'Consulta de psicología y, cuando hace falta, de psiquiatría en la red pública distrital.',
    category: 'mental_health',
    applicationProcess: 'Remisión del gestor de caso o valoración en el puesto de salud.',
    feesDescription: 'Gratuito para afiliados al régimen subsidiado y para urgencias.',
    capacityPerMonth: 60,
    acceptanceDays: 5,
    completionDays: 45,
    locations: [
      { key: 'salud-camino-la-manga', hours: [{ byday: 'TU,TH', opensAt: '08:00', closesAt: '12:00' }] },
    ],
    contacts: [{ name: 'Línea de salud mental', phone: '106' }],
  },
  {
    key: 'alcaldia-matricula',
    organization: 'barranquilla',
    name: 'Matrícula escolar en colegios oficiales',
    description: 'Asignación de cupo en un colegio oficial cercano al hogar, en cualquier momento del año.',
    category: 'school_enrolment',
    applicationProcess:
      'Solicitud de cupo con el documento del niño o niña; sin documento se matricula con el NES.',
    eligibilityDescription:
      'Niños, niñas y adolescentes de 5 a 17 años, sin importar su situación migratoria.',
    feesDescription: FREE,
    minimumAge: 5,
    maximumAge: 17,
    municipalityCodes: ['08001'],
    capacityPerMonth: 80,
    acceptanceDays: 5,
    completionDays: 20,
    locations: [{ key: 'alcaldia-barranquilla' }, { key: 'integrate-barranquilla' }],
    contacts: [{ name: 'Secretaría de Educación – Cobertura', email: 'cobertura@barranquilla.example' }],
  },
  {
    key: 'alcaldia-vivienda',
    organization: 'barranquilla',
    name: 'Subsidio familiar de vivienda: orientación y postulación',
    description: 'Orientación sobre los subsidios de vivienda y acompañamiento en la postulación de hogares.',
    category: 'housing_subsidy',
    applicationProcess:
      'Cita con el equipo de vivienda; se revisan los requisitos del hogar antes de postular.',
    eligibilityDescription: 'Hogares con encuesta del SISBÉN y sin vivienda propia; mayores de 18 años.',
    feesDescription: FREE,
    minimumAge: 18,
    populationGroups: ['returnee', 'host_community', 'venezuelan_migrant'],
    requiredDocuments: ['CC', 'PPT'],
    municipalityCodes: ['08001'],
    capacityPerMonth: 25,
    acceptanceDays: 10,
    completionDays: 120,
    locations: [{ key: 'alcaldia-barranquilla' }],
    contacts: [
      { name: 'Oficina de Hábitat', email: 'habitat@barranquilla.example', phone: '+57 605 339 9800' },
    ],
  },
  {
    key: 'alcaldia-intercambio-cultural',
    organization: 'barranquilla',
    name: 'Encuentros de intercambio cultural',
    description:
      'Talleres de música, cocina y tradiciones del Caribe colombiano y venezolano para familias migrantes, retornadas y de acogida.',
    category: 'cultural_exchange',
    applicationProcess: 'Inscripción en el Centro Intégrate o por remisión del gestor de caso.',
    feesDescription: FREE,
    municipalityCodes: ['08001'],
    capacityPerMonth: 40,
    acceptanceDays: 3,
    completionDays: 30,
    locations: [
      { key: 'integrate-barranquilla', hours: [{ byday: 'SA', opensAt: '09:00', closesAt: '12:00' }] },
    ],
    contacts: [{ name: 'Gestión cultural – Centro Intégrate', phone: '+57 605 339 9700' }],
  },
  {
    key: 'icbf-cdi',
    organization: 'icbf',
    name: 'Centro de Desarrollo Infantil (CDI)',
    description:
      'Cuidado, alimentación y educación inicial para la primera infancia mientras sus familias trabajan o estudian.',
    category: 'child_care',
    applicationProcess: 'Solicitud de cupo en el CDI con el registro civil o el documento del niño o niña.',
    eligibilityDescription: 'Niños y niñas de 0 a 5 años.',
    feesDescription: FREE,
    minimumAge: 0,
    maximumAge: 5,
    capacityPerMonth: 15,
    acceptanceDays: 5,
    completionDays: 30,
    locations: [{ key: 'icbf-cdi-rebolo' }, { key: 'icbf-cdi-villa-del-rosario' }],
    contacts: [
      { name: 'Coordinación CDI Rebolo', email: 'cdi.rebolo@icbf.example', phone: '+57 605 340 1010' },
    ],
  },
  {
    key: 'cancilleria-regularizacion',
    organization: 'cancilleria',
    name: 'Orientación para la regularización migratoria (PPT)',
    description:
      'Orientación para el Registro Único de Migrantes Venezolanos y la solicitud del Permiso por Protección Temporal.',
    category: 'migratory_regularization',
    applicationProcess: 'Atención por orden de llegada; traer pasaporte o cédula venezolana si la tiene.',
    eligibilityDescription: 'Personas venezolanas y solicitantes de refugio.',
    feesDescription: FREE,
    populationGroups: ['venezuelan_migrant', 'refugee_or_asylum_seeker'],
    municipalityCodes: ['11001', '54001', '54874', '08001'],
    capacityPerMonth: 250,
    acceptanceDays: 2,
    completionDays: 30,
    locations: [
      { key: 'cancilleria-bogota' },
      { key: 'cancilleria-cucuta' },
      { key: 'cancilleria-villa-del-rosario' },
      { key: 'integrate-barranquilla', hours: [{ byday: 'TU,TH', opensAt: '08:00', closesAt: '12:00' }] },
    ],
    contacts: [
      {
        name: 'Atención al migrante',
        email: 'atencion.migrante@cancilleria.example',
        phone: '+57 601 381 4000',
      },
    ],
  },
  {
    key: 'cancilleria-asesoria-retorno',
    organization: 'cancilleria',
    name: 'Asesoría jurídica para colombianos retornados (Ley 1565)',
    description:
      'Registro Único de Retornados, beneficios de la Ley 1565 de 2012 y orientación sobre documentos, libreta militar y procesos pendientes.',
    category: 'legal_advice',
    applicationProcess: 'Remisión del gestor de caso; cita presencial o por videollamada.',
    eligibilityDescription: 'Colombianos que regresan al país.',
    feesDescription: FREE,
    minimumAge: 18,
    populationGroups: ['returnee'],
    requiredDocuments: ['CC'],
    capacityPerMonth: 80,
    acceptanceDays: 3,
    completionDays: 30,
    locations: [{ key: 'cancilleria-bogota' }, { key: 'integrate-barranquilla' }],
    contacts: [{ name: 'Grupo Interno de Trabajo Colombia Nos Une', email: 'retorno@cancilleria.example' }],
  },
  {
    key: 'cancilleria-convalidacion',
    organization: 'cancilleria',
    name: 'Orientación para la convalidación de títulos y la apostilla',
    description:
      'Orientación para apostillar documentos y convalidar ante el Ministerio de Educación títulos de educación básica, media y superior obtenidos en el exterior.',
    category: 'degree_recognition',
    applicationProcess:
      'Cita de orientación; se revisa qué documentos debe apostillar y cómo radicar la convalidación.',
    feesDescription: 'La orientación es gratuita; la apostilla y la convalidación tienen tarifas oficiales.',
    minimumAge: 15,
    capacityPerMonth: 40,
    acceptanceDays: 5,
    completionDays: 60,
    locations: [{ key: 'cancilleria-bogota' }, { key: 'integrate-barranquilla' }],
    contacts: [{ name: 'Orientación en apostilla y convalidación', email: 'apostilla@cancilleria.example' }],
  },
  {
    key: 'oim-psicosocial',
    organization: 'oim',
    name: 'Apoyo psicosocial individual y grupal',
    description:
      'Primeros auxilios psicológicos, sesiones individuales y grupos de apoyo para personas y familias en movilidad.',
    category: 'psychosocial_support',
    applicationProcess: 'Remisión del gestor de caso con consentimiento de la persona.',
    feesDescription: FREE,
    populationGroups: MIGRANTS_AND_RETURNEES,
    capacityPerMonth: 50,
    acceptanceDays: 3,
    completionDays: 60,
    locations: [{ key: 'oim-barranquilla' }, { key: 'oim-cucuta' }],
    contacts: [
      {
        name: 'Equipo psicosocial OIM',
        email: 'psicosocial.barranquilla@oim.example',
        phone: '+57 605 361 2000',
      },
    ],
  },
  {
    key: 'oim-alimentaria',
    organization: 'oim',
    name: 'Asistencia alimentaria de emergencia',
    description:
      'Bonos de alimentación por tres meses para hogares recién llegados en situación de vulnerabilidad.',
    category: 'food_aid',
    applicationProcess: 'Remisión del gestor de caso con la caracterización del hogar.',
    eligibilityDescription: 'Hogares llegados en los últimos seis meses sin ingresos estables.',
    feesDescription: FREE,
    populationGroups: MIGRANTS_AND_RETURNEES,
    municipalityCodes: ['08001', '54001', '54874'],
    capacityPerMonth: 100,
    acceptanceDays: 2,
    completionDays: 90,
    locations: [{ key: 'oim-barranquilla' }, { key: 'oim-cucuta' }],
    contacts: [{ name: 'Asistencia humanitaria OIM', email: 'asistencia.barranquilla@oim.example' }],
  },
  {
    key: 'albergue-alojamiento',
    organization: 'albergue',
    name: 'Alojamiento temporal',
    description:
      'Hasta 15 noches de alojamiento con alimentación, aseo y orientación para personas recién llegadas.',
    category: 'temporary_shelter',
    applicationProcess: 'Llamar antes de remitir para confirmar cupo; la persona llega con la remisión.',
    eligibilityDescription: 'Personas y familias recién llegadas sin un lugar donde dormir.',
    feesDescription: FREE,
    populationGroups: MIGRANTS_AND_RETURNEES,
    capacityPerMonth: 45,
    acceptanceDays: 2,
    completionDays: 15,
    locations: [{ key: 'albergue-barranquilla' }, { key: 'albergue-villa-del-rosario' }],
    contacts: [{ name: 'Coordinación del albergue', phone: '+57 300 555 0101' }],
  },
  {
    key: 'bancoldex-microcredito',
    organization: 'bancoldex',
    name: 'Microcrédito para emprendedores retornados y migrantes',
    description:
      'Línea de microcrédito en condiciones preferenciales, a través de entidades aliadas, para iniciar o fortalecer un negocio.',
    category: 'microcredit',
    applicationProcess: 'Remisión con el plan de negocio; una entidad aliada hace el estudio de crédito.',
    eligibilityDescription: 'Mayores de 18 años con un negocio o un plan de negocio.',
    feesDescription: 'Tasa preferencial; sin costo de estudio.',
    minimumAge: 18,
    populationGroups: ['returnee', 'venezuelan_migrant'],
    requiredDocuments: ['CC', 'PPT'],
    url: 'https://www.bancoldex.com',
    capacityPerMonth: 20,
    acceptanceDays: 10,
    completionDays: 45,
    locations: [{ key: 'bancoldex-bogota' }],
    contacts: [{ name: 'Banca de las oportunidades', email: 'microcredito@bancoldex.example' }],
  },
  {
    key: 'camara-ruta-emprendimiento',
    organization: 'camara',
    name: 'Ruta de emprendimiento y formalización',
    description:
      'Asesoría para formalizar un negocio, registro mercantil y acceso a ferias y ruedas de negocio.',
    category: 'entrepreneurship_training',
    applicationProcess: 'Inscripción en la sede o remisión del gestor de caso.',
    feesDescription: 'La asesoría es gratuita; el registro mercantil tiene la tarifa legal.',
    minimumAge: 18,
    municipalityCodes: ['08001'],
    capacityPerMonth: 35,
    acceptanceDays: 5,
    completionDays: 60,
    locations: [{ key: 'camara-barranquilla' }],
    contacts: [
      { name: 'Centro de emprendimiento', email: 'emprende@camarabaq.example', phone: '+57 605 330 3700' },
    ],
  },
];

const ORGANIZATION_PROFILES: Partial<
  Record<DemoOrganizationKey, { description: string; email: string; website: string; contact: Contact }>
> = {
  sena: {
    description:
      'Formación técnica y tecnológica gratuita, certificación de competencias y apoyo al emprendimiento.',
    email: 'enlace.migrantes@sena.example',
    website: 'https://www.sena.edu.co',
    contact: {
      name: 'Jorge Mejía',
      title: 'Enlace para población migrante y retornada',
      phone: '+57 605 330 0101',
    },
  },
  spe: {
    description: 'Red pública de centros de empleo: orientación, formación para el trabajo y vacantes.',
    email: 'contacto@spe.example',
    website: 'https://www.serviciodeempleo.gov.co',
    contact: { name: 'Punto de atención Barranquilla', phone: '+57 605 385 0000' },
  },
  salud: {
    description: 'Aseguramiento en salud, salud pública y red de atención primaria del Distrito.',
    email: 'atencion@salud-barranquilla.example',
    website: 'https://www.barranquilla.gov.co/salud',
    contact: { name: 'Atención al usuario', phone: '+57 605 339 9999' },
  },
  icbf: {
    description: 'Protección integral de la primera infancia, la niñez, la adolescencia y las familias.',
    email: 'atencion@icbf.example',
    website: 'https://www.icbf.gov.co',
    contact: { name: 'Línea 141', phone: '141' },
  },
  oim: {
    description:
      'Asistencia humanitaria, apoyo psicosocial e integración de personas migrantes y retornadas.',
    email: 'barranquilla@oim.example',
    website: 'https://colombia.iom.int',
    contact: { name: 'Oficina Barranquilla', email: 'barranquilla@oim.example' },
  },
  cancilleria: {
    description: 'Atención y orientación a connacionales retornados y a personas migrantes; Plan Retorno.',
    email: 'retorno@cancilleria.example',
    website: 'https://www.cancilleria.gov.co',
    contact: { name: 'Colombia Nos Une', email: 'retorno@cancilleria.example' },
  },
};

/**
 * The demo directory: every demo partner's services (each category of the taxonomy but `other` with at least one
 * active service), their places in Barranquilla, Bogotá, Cúcuta and Villa del Rosario with weekly hours, and
 * organization profiles. Fixed ids (UUID v5) and inserts that skip what exists: seeding twice changes nothing.
 */
export async function seedDemoDirectory(
  db: Kysely<Database>,
): Promise<{ services: number; locations: number }> {
  const organizations = await db.selectFrom('organization').select(['id', 'short_name']).execute();
  const organizationId = (key: DemoOrganizationKey) => {
    const shortName = DEMO_ORGANIZATIONS.find((o) => o.key === key)?.shortName;
    const row = organizations.find((o) => o.short_name === shortName);
    if (!row) throw new Error(`demo organization ${key} is not seeded`);
    return row.id;
  };
  const hoursRows = (owner: 'service_at_location_id' | 'location_id', ownerId: string, hours: Hours[]) =>
    hours.map((h, index) => ({
      id: demoDirectoryId('schedule', `${ownerId}:${index}`),
      service_id: null,
      location_id: null,
      service_at_location_id: null,
      [owner]: ownerId,
      byday: h.byday,
      opens_at: h.opensAt,
      closes_at: h.closesAt,
      description: h.description ?? null,
    }));
  const contactRow = (key: string, contact: Contact) => ({
    id: demoDirectoryId('contact', key),
    name: contact.name,
    title: contact.title ?? null,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
  });

  return db.transaction().execute(async (trx) => {
    for (const [key, profile] of Object.entries(ORGANIZATION_PROFILES)) {
      const id = organizationId(key as DemoOrganizationKey);
      await trx
        .updateTable('organization')
        .set({ description: profile.description, email: profile.email, website: profile.website })
        .where('id', '=', id)
        .where('description', 'is', null)
        .execute();
      await trx
        .insertInto('directory_contact')
        .values({ ...contactRow(`organization:${key}`, profile.contact), organization_id: id })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    for (const location of DEMO_LOCATIONS) {
      const id = demoDirectoryId('location', location.key);
      await trx
        .insertInto('directory_location')
        .values({
          id,
          organization_id: organizationId(location.organization),
          name: location.name,
          description: location.description ?? null,
          transportation: location.transportation ?? null,
          address_1: location.address1,
          city: location.city,
          state_province: location.stateProvince,
          municipality_code: location.municipalityCode,
          latitude: location.latitude,
          longitude: location.longitude,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('directory_schedule')
        .values(hoursRows('location_id', id, location.hours))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    for (const service of DEMO_SERVICES) {
      const id = demoDirectoryId('service', service.key);
      await trx
        .insertInto('directory_service')
        .values({
          id,
          organization_id: organizationId(service.organization),
          name: service.name,
          description: service.description,
          category: service.category,
          status: 'active',
          url: service.url ?? null,
          email: service.email ?? null,
          application_process: service.applicationProcess,
          fees_description: service.feesDescription ?? null,
          eligibility_description: service.eligibilityDescription ?? null,
          minimum_age: service.minimumAge ?? null,
          maximum_age: service.maximumAge ?? null,
          population_groups: service.populationGroups ?? [],
          sexes: service.sexes ?? [],
          required_documents: service.requiredDocuments ?? [],
          municipality_codes: service.municipalityCodes ?? [],
          capacity_per_month: service.capacityPerMonth,
          acceptance_days: service.acceptanceDays,
          completion_days: service.completionDays,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      for (const link of service.locations) {
        const linkId = demoDirectoryId('service_at_location', `${service.key}@${link.key}`);
        await trx
          .insertInto('directory_service_at_location')
          .values({
            id: linkId,
            service_id: id,
            location_id: demoDirectoryId('location', link.key),
            description: link.description ?? null,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        if (link.hours?.length)
          await trx
            .insertInto('directory_schedule')
            .values(hoursRows('service_at_location_id', linkId, link.hours))
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
      }
      if (service.contacts.length)
        await trx
          .insertInto('directory_contact')
          .values(
            service.contacts.map((contact, index) => ({
              ...contactRow(`service:${service.key}:${index}`, contact),
              service_id: id,
            })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
    }
    return { services: DEMO_SERVICES.length, locations: DEMO_LOCATIONS.length };
  });
}
