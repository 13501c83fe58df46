import type { InstrumentInput } from '../instrument';
import { FOUR_LEVELS, t } from './common';

/**
 * The household integration index: the four dimensions of Barranquilla's integration strategy (social, cultural,
 * housing and urban, productive) plus the family's own perception. Questions written by us (see
 * docs/assessment.md); no published wording is copied.
 */
export const HOUSEHOLD_INTEGRATION: InstrumentInput = {
  key: 'hogar_integracion',
  name: t('Índice de integración del hogar', 'Household integration index'),
  description: t(
    'Mide la integración de la familia en cinco dimensiones: social, cultural, vivienda y ciudad, productiva y la percepción de la propia familia.',
    "Measures the family's integration in five dimensions: social, cultural, housing and city, productive, and the family's own perception.",
  ),
  subject: 'household',
  source:
    'Dimensiones de la estrategia de integración de la Alcaldía de Barranquilla (social, cultural, vivienda/urbana, productiva) y la percepción de la familia; preguntas propias de Ruta.',
  scales: [
    {
      id: 'todos_algunos',
      options: [
        { value: 'todos', label: t('Sí, todos', 'Yes, all of them'), score: 1 },
        { value: 'algunos', label: t('Algunos', 'Some of them'), score: 0.5 },
        { value: 'ninguno', label: t('Ninguno', 'None'), score: 0 },
        { value: 'no_aplica', label: t('No aplica', 'Does not apply') },
      ],
    },
    {
      id: 'si_tramite_no',
      options: [
        { value: 'si', label: t('Sí', 'Yes'), score: 1 },
        { value: 'en_tramite', label: t('Está en trámite', 'In progress'), score: 0.5 },
        { value: 'no', label: t('No', 'No'), score: 0 },
        { value: 'no_sabe', label: t('No sabe', 'Does not know') },
      ],
    },
    {
      id: 'si_no',
      options: [
        { value: 'si', label: t('Sí', 'Yes'), score: 1 },
        { value: 'no', label: t('No', 'No'), score: 0 },
      ],
    },
    {
      id: 'acuerdo',
      options: [
        { value: 'muy_en_desacuerdo', label: t('Muy en desacuerdo', 'Strongly disagree'), score: 0 },
        { value: 'en_desacuerdo', label: t('En desacuerdo', 'Disagree'), score: 0.25 },
        { value: 'ni_uno_ni_otro', label: t('Ni de acuerdo ni en desacuerdo', 'Neither'), score: 0.5 },
        { value: 'de_acuerdo', label: t('De acuerdo', 'Agree'), score: 0.75 },
        { value: 'muy_de_acuerdo', label: t('Muy de acuerdo', 'Strongly agree'), score: 1 },
        { value: 'no_responde', label: t('Prefiere no responder', 'Prefers not to answer') },
      ],
    },
    {
      id: 'frecuencia',
      options: [
        { value: 'nunca', label: t('Nunca', 'Never'), score: 0 },
        { value: 'una_vez', label: t('Una o dos veces', 'Once or twice'), score: 0.4 },
        { value: 'varias', label: t('Varias veces', 'Several times'), score: 0.7 },
        { value: 'seguido', label: t('Seguido (casi cada mes)', 'Often (almost every month)'), score: 1 },
      ],
    },
    {
      id: 'discriminacion',
      options: [
        { value: 'seguido', label: t('Sí, varias veces', 'Yes, several times'), score: 0 },
        { value: 'alguna_vez', label: t('Sí, alguna vez', 'Yes, once'), score: 0.5 },
        { value: 'nunca', label: t('No, nunca', 'No, never'), score: 1 },
        { value: 'no_responde', label: t('Prefiere no responder', 'Prefers not to answer') },
      ],
    },
    {
      id: 'tenencia',
      options: [
        {
          value: 'propia_o_contrato',
          label: t('Propia, o arrendada con contrato', 'Owned, or rented with a contract'),
          score: 1,
        },
        {
          value: 'arriendo_palabra',
          label: t('Arriendo de palabra, sin contrato', 'Rented without a contract'),
          score: 0.6,
        },
        {
          value: 'pago_diario',
          label: t('Pieza o cuarto que se paga por día', 'A room paid by the day'),
          score: 0.3,
        },
        {
          value: 'invasion_o_calle',
          label: t('Asentamiento, invasión o sin vivienda', 'Informal settlement or no home'),
          score: 0,
        },
      ],
    },
    {
      id: 'hacinamiento',
      options: [
        { value: 'hasta_dos', label: t('Una o dos personas', 'One or two people'), score: 1 },
        { value: 'tres', label: t('Tres personas', 'Three people'), score: 0.5 },
        { value: 'cuatro_o_mas', label: t('Cuatro o más', 'Four or more'), score: 0 },
      ],
    },
    {
      id: 'ingreso_trabajo',
      options: [
        {
          value: 'formal',
          label: t('Sí, con contrato o negocio formalizado', 'Yes, with a contract or a registered business'),
          score: 1,
        },
        {
          value: 'informal',
          label: t('Sí, en la informalidad (rebusque, venta)', 'Yes, informal work'),
          score: 0.6,
        },
        { value: 'ocasional', label: t('Solo trabajos ocasionales', 'Only occasional jobs'), score: 0.3 },
        { value: 'nadie', label: t('Nadie', 'Nobody'), score: 0 },
      ],
    },
    {
      id: 'alcanza',
      options: [
        { value: 'sobra', label: t('Alcanza y sobra algo', 'Enough, with something left'), score: 1 },
        { value: 'justo', label: t('Alcanza justo', 'Just enough'), score: 0.67 },
        {
          value: 'a_veces',
          label: t('Algunos meses no alcanza', 'Some months it is not enough'),
          score: 0.33,
        },
        { value: 'casi_nunca', label: t('Casi nunca alcanza', 'Almost never enough'), score: 0 },
      ],
    },
    {
      id: 'cuanto',
      options: [
        { value: 'nada', label: t('Nada', 'Not at all'), score: 0 },
        { value: 'poco', label: t('Poco', 'A little'), score: 0.25 },
        { value: 'mas_o_menos', label: t('Más o menos', 'Somewhat'), score: 0.5 },
        { value: 'bastante', label: t('Bastante', 'Quite'), score: 0.75 },
        { value: 'totalmente', label: t('Totalmente', 'Completely'), score: 1 },
      ],
    },
    {
      id: 'comparado',
      options: [
        { value: 'mucho_peor', label: t('Mucho peor', 'Much worse'), score: 0 },
        { value: 'peor', label: t('Peor', 'Worse'), score: 0.25 },
        { value: 'igual', label: t('Igual', 'The same'), score: 0.5 },
        { value: 'mejor', label: t('Mejor', 'Better'), score: 0.75 },
        { value: 'mucho_mejor', label: t('Mucho mejor', 'Much better'), score: 1 },
      ],
    },
  ],
  dimensions: [
    {
      id: 'social',
      name: t('Social', 'Social'),
      questions: [
        {
          id: 'salud_afiliacion',
          text: t(
            '¿Todas las personas del hogar están afiliadas a salud (EPS)?',
            'Is everyone in the household enrolled in health insurance (EPS)?',
          ),
          scale: 'todos_algunos',
        },
        {
          id: 'estudio_menores',
          text: t(
            '¿Los niños, niñas y adolescentes del hogar en edad de estudiar están yendo al colegio?',
            'Are the school-age children of the household attending school?',
          ),
          help: t(
            'Si en el hogar no hay menores en edad escolar, marque «No aplica».',
            'If there are no school-age children, choose "Does not apply".',
          ),
          scale: 'todos_algunos',
        },
        {
          id: 'sisben',
          text: t('¿El hogar tiene encuesta del SISBÉN?', 'Has the household been surveyed by SISBÉN?'),
          scale: 'si_tramite_no',
        },
        {
          id: 'red_apoyo',
          text: t(
            'Si el hogar tiene un problema, cuenta con vecinos, amigos u organizaciones del barrio a quienes acudir.',
            'If the household has a problem, it has neighbours, friends or local organizations to turn to.',
          ),
          scale: 'acuerdo',
        },
      ],
    },
    {
      id: 'cultural',
      name: t('Cultural', 'Cultural'),
      questions: [
        {
          id: 'actividades_comunidad',
          text: t(
            'En el último año, ¿la familia ha participado en actividades culturales, deportivas, religiosas o comunitarias de la ciudad?',
            'In the past year, has the family taken part in cultural, sports, religious or community activities in the city?',
          ),
          scale: 'frecuencia',
        },
        {
          id: 'bien_recibidos',
          text: t(
            'La familia se siente bien recibida y respetada por la gente de la ciudad.',
            'The family feels welcomed and respected by the people of the city.',
          ),
          scale: 'acuerdo',
        },
        {
          id: 'discriminacion',
          text: t(
            'En los últimos seis meses, ¿alguien del hogar ha sido tratado mal por ser migrante o retornado?',
            'In the past six months, has anyone in the household been mistreated for being a migrant or returnee?',
          ),
          scale: 'discriminacion',
        },
      ],
    },
    {
      id: 'habitat',
      name: t('Vivienda y ciudad', 'Housing and city'),
      questions: [
        {
          id: 'tenencia',
          text: t('¿En qué condiciones vive el hogar?', 'What are the household’s living arrangements?'),
          scale: 'tenencia',
        },
        {
          id: 'servicios_publicos',
          text: t(
            '¿La vivienda tiene agua, luz y alcantarillado?',
            'Does the home have running water, electricity and sewerage?',
          ),
          help: t('«Algunos» si le falta uno o dos.', '"Some of them" if one or two are missing.'),
          scale: 'todos_algunos',
        },
        {
          id: 'personas_por_cuarto',
          text: t('¿Cuántas personas duermen por cuarto?', 'How many people sleep in each room?'),
          scale: 'hacinamiento',
        },
        {
          id: 'uso_ciudad',
          text: t(
            'La familia sabe cómo llegar y usar el centro de salud, el colegio y el transporte de su zona.',
            'The family knows how to reach and use the local health centre, school and transport.',
          ),
          scale: 'acuerdo',
        },
      ],
    },
    {
      id: 'productiva',
      name: t('Productiva', 'Productive'),
      questions: [
        {
          id: 'trabajo',
          text: t(
            '¿Alguien del hogar tiene un trabajo o negocio que le deja ingresos todos los meses?',
            'Does anyone in the household have a job or business that brings in income every month?',
          ),
          scale: 'ingreso_trabajo',
        },
        {
          id: 'gastos_basicos',
          text: t(
            'Con lo que entra al mes, ¿al hogar le alcanza para comida, arriendo y servicios?',
            'With its monthly income, can the household cover food, rent and utilities?',
          ),
          scale: 'alcanza',
        },
        {
          id: 'inclusion_financiera',
          text: t(
            '¿Alguien del hogar tiene cuenta de banco, billetera digital (Nequi, Daviplata) o un crédito formal?',
            'Does anyone in the household have a bank account, a digital wallet or formal credit?',
          ),
          scale: 'si_no',
        },
        {
          id: 'formacion',
          text: t(
            'En el último año, ¿alguien del hogar hizo un curso para el trabajo (SENA u otro)?',
            'In the past year, has anyone in the household taken a job training course (SENA or other)?',
          ),
          scale: 'si_no',
        },
      ],
    },
    {
      id: 'percepcion',
      name: t('Percepción de la familia', "The family's perception"),
      questions: [
        {
          id: 'se_sienten_integrados',
          text: t(
            'Pensando en todo, ¿qué tan integrada se siente la familia en la ciudad?',
            'All things considered, how integrated does the family feel in the city?',
          ),
          scale: 'cuanto',
        },
        {
          id: 'comparado_con_llegada',
          text: t(
            'Comparado con cuando llegaron, hoy la situación de la familia está…',
            'Compared with when they arrived, the family’s situation today is…',
          ),
          scale: 'comparado',
        },
        {
          id: 'quieren_quedarse',
          text: t(
            'La familia quiere seguir viviendo en esta ciudad.',
            'The family wants to keep living in this city.',
          ),
          scale: 'acuerdo',
        },
      ],
    },
  ],
  missing: { rule: 'skip', maxMissing: 4 },
  levels: FOUR_LEVELS,
};
