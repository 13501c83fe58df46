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
