/**
 * The vocabularies of entrepreneurship, as the 0022 migration's checks freeze them: courses and their enrolments,
 * productive units with their sector (CIIU Rev. 4 A.C. sections), support and stages, and financing applications.
 */
export const COURSE_KINDS = ['vocational', 'entrepreneurship', 'complementary'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const COURSE_MODALITIES = ['in_person', 'virtual', 'blended'] as const;
export type CourseModality = (typeof COURSE_MODALITIES)[number];

export const COURSE_STATUSES = ['planned', 'open', 'in_progress', 'finished', 'cancelled'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const ENROLMENT_STATUSES = ['enrolled', 'in_progress', 'completed', 'dropped'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/**
 * CIIU Rev. 4 adaptada para Colombia (DANE, 2012): its 21 sections, A to U. Units record the section, the level
 * a caseworker can tell from a conversation; the division and class belong to the chamber of commerce's registry.
 */
export const CIIU_SECTIONS = [
  'A', // Agricultura, ganadería, caza, silvicultura y pesca
  'B', // Explotación de minas y canteras
  'C', // Industrias manufactureras
  'D', // Suministro de electricidad, gas, vapor y aire acondicionado
  'E', // Distribución de agua; evacuación y tratamiento de aguas residuales, gestión de desechos
  'F', // Construcción
  'G', // Comercio al por mayor y al por menor; reparación de vehículos automotores y motocicletas
  'H', // Transporte y almacenamiento
  'I', // Alojamiento y servicios de comida
  'J', // Información y comunicaciones
  'K', // Actividades financieras y de seguros
  'L', // Actividades inmobiliarias
  'M', // Actividades profesionales, científicas y técnicas
  'N', // Actividades de servicios administrativos y de apoyo
  'O', // Administración pública y defensa; planes de seguridad social de afiliación obligatoria
  'P', // Educación
  'Q', // Actividades de atención de la salud humana y de asistencia social
  'R', // Actividades artísticas, de entretenimiento y recreación
  'S', // Otras actividades de servicios
  'T', // Actividades de los hogares individuales en calidad de empleadores
  'U', // Actividades de organizaciones y entidades extraterritoriales
] as const;
export type CiiuSection = (typeof CIIU_SECTIONS)[number];

export const UNIT_STAGES = [
  'idea',
  'business_plan',
  'start_up',
  'operating',
  'consolidated',
  'closed',
] as const;
export type UnitStage = (typeof UNIT_STAGES)[number];

export const SUPPORT_KINDS = ['training', 'inputs', 'seed_capital', 'technical_assistance'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const FINANCING_LINES = ['bancoldex', 'rotating_fund', 'microcredit', 'other'] as const;
export type FinancingLine = (typeof FINANCING_LINES)[number];

export const FINANCING_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'disbursed',
  'withdrawn',
] as const;
export type FinancingStatus = (typeof FINANCING_STATUSES)[number];
