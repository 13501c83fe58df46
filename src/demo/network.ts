/**
 * The demo network seeded on first start: the Plan Retorno's eight Migrant Assistance Offices, Barranquilla's
 * one-stop centre, two arrival points and the partner organizations around them. Real public institutions keep
 * their names; the NGO and the employers are invented.
 */
export const DEMO_ORGANIZATIONS = [
  {
    key: 'cancilleria',
    name: 'Ministerio de Relaciones Exteriores',
    shortName: 'Cancillería',
    kind: 'public_entity',
  },
  {
    key: 'barranquilla',
    name: 'Alcaldía Distrital de Barranquilla',
    shortName: 'Alcaldía de Barranquilla',
    kind: 'public_entity',
  },
  { key: 'sena', name: 'Servicio Nacional de Aprendizaje', shortName: 'SENA', kind: 'training_institution' },
  {
    key: 'spe',
    name: 'Unidad del Servicio Público de Empleo',
    shortName: 'Servicio Público de Empleo',
    kind: 'public_entity',
  },
  {
    key: 'salud',
    name: 'Secretaría Distrital de Salud de Barranquilla',
    shortName: 'Secretaría de Salud',
    kind: 'public_entity',
  },
  {
    key: 'icbf',
    name: 'Instituto Colombiano de Bienestar Familiar',
    shortName: 'ICBF',
    kind: 'public_entity',
  },
  { key: 'camara', name: 'Cámara de Comercio de Barranquilla', shortName: 'Cámara de Comercio', kind: 'ngo' },
  {
    key: 'bancoldex',
    name: 'Banco de Comercio Exterior de Colombia',
    shortName: 'Bancóldex',
    kind: 'financial_institution',
  },
  {
    key: 'albergue',
    name: 'Fundación Camino Seguro (albergue temporal)',
    shortName: 'Fundación Camino Seguro',
    kind: 'ngo',
  },
  {
    key: 'oim',
    name: 'Organización Internacional para las Migraciones',
    shortName: 'OIM',
    kind: 'international_organization',
  },
  { key: 'textiles', name: 'Textiles del Caribe S.A.S.', shortName: 'Textiles del Caribe', kind: 'employer' },
  {
    key: 'agro',
    name: 'Agroindustrias del Valle S.A.S.',
    shortName: 'Agroindustrias del Valle',
    kind: 'employer',
  },
] as const;

export type DemoOrganizationKey = (typeof DEMO_ORGANIZATIONS)[number]['key'];

export const DEMO_OFFICES: ReadonlyArray<{
  name: string;
  kind:
    | 'migrant_assistance_office'
    | 'one_stop_centre'
    | 'airport_arrival_point'
    | 'land_border_arrival_point';
  municipalityCode: string;
  organization: DemoOrganizationKey;
}> = [
  {
    name: 'Oficina de Atención al Migrante – Bogotá',
    kind: 'migrant_assistance_office',
    municipalityCode: '11001',
    organization: 'cancilleria',
  },
  {
    name: 'Oficina de Atención al Migrante – Antioquia',
    kind: 'migrant_assistance_office',
    municipalityCode: '05001',
    organization: 'cancilleria',
  },
  {
    name: 'Oficina de Atención al Migrante – Nariño',
    kind: 'migrant_assistance_office',
    municipalityCode: '52001',
    organization: 'cancilleria',
  },
  {
    name: 'Oficina de Atención al Migrante – Norte de Santander',
    kind: 'migrant_assistance_office',
    municipalityCode: '54001',
    organization: 'cancilleria',
  },
  {
    name: 'Oficina de Atención al Migrante – Risaralda',
    kind: 'migrant_assistance_office',
    municipalityCode: '66001',
    organization: 'cancilleria',
  },
  {
    name: 'Oficina de Atención al Migrante – Quindío',
    kind: 'migrant_assistance_office',
    municipalityCode: '63001',
    organization: 'cancilleria',
  },
  {
    name: 'Oficina de Atención al Migrante – Putumayo',
    kind: 'migrant_assistance_office',
    municipalityCode: '86001',
    organization: 'cancilleria',
  },
  {
    name: 'Oficina de Atención al Migrante – Valle del Cauca',
    kind: 'migrant_assistance_office',
    municipalityCode: '76001',
    organization: 'cancilleria',
  },
  {
    name: 'Centro Intégrate Barranquilla',
    kind: 'one_stop_centre',
    municipalityCode: '08001',
    organization: 'barranquilla',
  },
  {
    name: 'Puesto de control migratorio – Aeropuerto El Dorado',
    kind: 'airport_arrival_point',
    municipalityCode: '11001',
    organization: 'cancilleria',
  },
  {
    name: 'Puesto de control migratorio – Puente Internacional Simón Bolívar (Villa del Rosario)',
    kind: 'land_border_arrival_point',
    municipalityCode: '54874',
    organization: 'cancilleria',
  },
];

/** One demo user per role. `.example` is a reserved domain: these addresses can never reach anyone. */
export const DEMO_USERS: ReadonlyArray<{
  email: string;
  displayName: string;
  role:
    | 'network_admin'
    | 'office_coordinator'
    | 'caseworker'
    | 'reception_officer'
    | 'partner_focal_point'
    | 'analyst';
  organization: DemoOrganizationKey;
  offices: string[];
}> = [
  {
    email: 'admin@ruta.example',
    displayName: 'Laura Restrepo (administradora)',
    role: 'network_admin',
    organization: 'cancilleria',
    offices: [],
  },
  {
    email: 'coordinadora@ruta.example',
    displayName: 'Diana Charris (coordinadora)',
    role: 'office_coordinator',
    organization: 'barranquilla',
    offices: ['Centro Intégrate Barranquilla'],
  },
  {
    email: 'gestor@ruta.example',
    displayName: 'Andrés Pérez (gestor de caso)',
    role: 'caseworker',
    organization: 'barranquilla',
    offices: ['Centro Intégrate Barranquilla'],
  },
  {
    email: 'recepcion@ruta.example',
    displayName: 'Camila Rojas (recepción El Dorado)',
    role: 'reception_officer',
    organization: 'cancilleria',
    offices: ['Puesto de control migratorio – Aeropuerto El Dorado'],
  },
  {
    email: 'enlace.sena@ruta.example',
    displayName: 'Jorge Mejía (enlace SENA)',
    role: 'partner_focal_point',
    organization: 'sena',
    offices: [],
  },
  {
    email: 'analista@ruta.example',
    displayName: 'Paula Gómez (analista)',
    role: 'analyst',
    organization: 'cancilleria',
    offices: [],
  },
];

/**
 * The demo programmes a case enrols people in: the Plan Retorno's three lines (Ley 1565 de 2012) and the
 * integration programme of Barranquilla's Centro Intégrate. Whether a coordinator approves plans and closures is
 * configured per programme.
 */
export const DEMO_PROGRAMMES: ReadonlyArray<{
  key: string;
  nameEs: string;
  nameEn: string;
  descriptionEs: string;
  descriptionEn: string;
  organization: DemoOrganizationKey;
  requiresPlanApproval: boolean;
  requiresClosureApproval: boolean;
  instrumentKey: string | null;
  populationGroups: string[];
}> = [
  {
    key: 'plan-retorno-atencion-inmediata',
    nameEs: 'Plan Retorno: atención inmediata',
    nameEn: 'Return Plan: immediate assistance',
    descriptionEs:
      'Acompañamiento en los primeros días tras el retorno: alojamiento temporal, alimentación, salud y orientación.',
    descriptionEn:
      'Support in the first days after returning: temporary shelter, food, health care and guidance.',
    organization: 'cancilleria',
    requiresPlanApproval: false,
    requiresClosureApproval: false,
    instrumentKey: 'persona_ipl12',
    populationGroups: ['returnee'],
  },
  {
    key: 'plan-retorno-insercion-laboral',
    nameEs: 'Plan Retorno: inserción laboral',
    nameEn: 'Return Plan: job placement',
    descriptionEs:
      'Orientación ocupacional, formación con el SENA y remisión al Servicio Público de Empleo para colombianos retornados.',
    descriptionEn:
      'Occupational guidance, SENA training and referral to the public employment service for returning Colombians.',
    organization: 'cancilleria',
    requiresPlanApproval: true,
    requiresClosureApproval: true,
    instrumentKey: 'persona_ipl12',
    populationGroups: ['returnee'],
  },
  {
    key: 'plan-retorno-emprendimiento',
    nameEs: 'Plan Retorno: emprendimiento',
    nameEn: 'Return Plan: entrepreneurship',
    descriptionEs:
      'Acompañamiento a proyectos productivos de retornados: formulación, capital semilla y acceso a crédito.',
    descriptionEn:
      'Support for returnees’ productive projects: business planning, seed capital and access to credit.',
    organization: 'cancilleria',
    requiresPlanApproval: true,
    requiresClosureApproval: false,
    instrumentKey: 'persona_ipl12',
    populationGroups: ['returnee'],
  },
  {
    key: 'integrate-integracion',
    nameEs: 'Centro Intégrate: integración socioeconómica de migrantes y comunidad de acogida',
    nameEn: 'Centro Intégrate: socioeconomic integration of migrants and the host community',
    descriptionEs:
      'Ruta de integración de hogares migrantes, retornados y de la comunidad de acogida en Barranquilla.',
    descriptionEn: 'Integration pathway for migrant, returnee and host-community households in Barranquilla.',
    organization: 'barranquilla',
    requiresPlanApproval: true,
    requiresClosureApproval: true,
    instrumentKey: 'hogar_integracion',
    populationGroups: [],
  },
];
