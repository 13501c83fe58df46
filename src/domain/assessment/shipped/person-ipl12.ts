import type { InstrumentInput } from '../instrument';
import { FOUR_LEVELS, t } from './common';

const fivePoint = (id: string, labels: Array<[string, string, string]>) => ({
  id,
  options: labels.map(([value, es, en], index) => ({
    value,
    label: t(es, en),
    score: index / (labels.length - 1),
  })),
});

/**
 * A person-level index with the structure of the IPL-12 (Harder et al., PNAS 2018): six dimensions of two items
 * each, every item rescaled to 0–1 and combined with equal weights into one 0–1 score. Only the structure is
 * taken; the questions and answer options are our own, written for people living in Colombia.
 */
export const PERSON_IPL12: InstrumentInput = {
  key: 'persona_ipl12',
  name: t(
    'Índice de integración de la persona (estructura IPL-12)',
    'Personal integration index (IPL-12 structure)',
  ),
  description: t(
    'Seis dimensiones con dos preguntas cada una: psicológica, económica, política, social, lingüística y de manejo del entorno.',
    'Six dimensions of two questions each: psychological, economic, political, social, linguistic and navigational.',
  ),
  subject: 'person',
  source:
    'Estructura del IPL-12 (Immigration Policy Lab; Harder et al., PNAS 115(45), 2018): seis dimensiones, dos ítems cada una, un puntaje de 0 a 1. Redacción propia de Ruta.',
  scales: [
    fivePoint('cercania', [
      ['nada', 'Nada', 'Not at all'],
      ['poco', 'Poco', 'A little'],
      ['algo', 'Algo', 'Somewhat'],
      ['bastante', 'Bastante', 'Quite a lot'],
      ['muchisimo', 'Muchísimo', 'Very much'],
    ]),
    fivePoint('probabilidad', [
      ['muy_improbable', 'Muy poco probable', 'Very unlikely'],
      ['improbable', 'Poco probable', 'Unlikely'],
      ['no_sabe_aun', 'Todavía no lo sabe', 'Not sure yet'],
      ['probable', 'Probable', 'Likely'],
      ['muy_probable', 'Muy probable', 'Very likely'],
    ]),
    fivePoint('comparacion_ingreso', [
      ['mucho_menos', 'Mucho menos', 'Much less'],
      ['menos', 'Menos', 'Less'],
      ['parecido', 'Parecido', 'About the same'],
      ['mas', 'Más', 'More'],
      ['mucho_mas', 'Mucho más', 'Much more'],
    ]),
    {
      id: 'gasto_imprevisto',
      options: [
        { value: 'imposible', label: t('No podría', 'I could not'), score: 0 },
        { value: 'muy_dificil', label: t('Con mucha dificultad', 'With great difficulty'), score: 1 / 3 },
        { value: 'algo_dificil', label: t('Con alguna dificultad', 'With some difficulty'), score: 2 / 3 },
        { value: 'sin_problema', label: t('Sin problema', 'Without trouble'), score: 1 },
      ],
    },
    fivePoint('entendimiento', [
      ['nada', 'Nada', 'Not at all'],
      ['poco', 'Poco', 'A little'],
      ['mas_o_menos', 'Más o menos', 'Somewhat'],
      ['bien', 'Bien', 'Well'],
      ['muy_bien', 'Muy bien', 'Very well'],
    ]),
    fivePoint('frecuencia', [
      ['nunca', 'Nunca', 'Never'],
      ['casi_nunca', 'Casi nunca', 'Rarely'],
      ['a_veces', 'A veces', 'Sometimes'],
      ['seguido', 'Seguido', 'Often'],
      ['muy_seguido', 'Muy seguido', 'Very often'],
    ]),
    {
      id: 'cuantas_personas',
      options: [
        { value: 'ninguna', label: t('Ninguna', 'None'), score: 0 },
        { value: 'una_o_dos', label: t('Una o dos', 'One or two'), score: 1 / 3 },
        { value: 'tres_a_cinco', label: t('De tres a cinco', 'Three to five'), score: 2 / 3 },
        { value: 'seis_o_mas', label: t('Seis o más', 'Six or more'), score: 1 },
      ],
    },
    {
      id: 'participacion',
      options: [
        { value: 'no', label: t('No', 'No'), score: 0 },
        { value: 'alguna_vez', label: t('He ido alguna vez', 'I have been once or twice'), score: 1 / 3 },
        { value: 'de_vez_en_cuando', label: t('Sí, de vez en cuando', 'Yes, now and then'), score: 2 / 3 },
        { value: 'regularmente', label: t('Sí, con regularidad', 'Yes, regularly'), score: 1 },
      ],
    },
    {
      id: 'facilidad',
      options: [
        {
          value: 'no_sabria',
          label: t('No sabría por dónde empezar', 'I would not know where to start'),
          score: 0,
        },
        { value: 'muy_dificil', label: t('Muy difícil', 'Very hard'), score: 0.25 },
        { value: 'dificil', label: t('Difícil', 'Hard'), score: 0.5 },
        { value: 'facil', label: t('Fácil', 'Easy'), score: 0.75 },
        { value: 'muy_facil', label: t('Muy fácil', 'Very easy'), score: 1 },
      ],
    },
  ],
  dimensions: [
    {
      id: 'psicologica',
      name: t('Psicológica', 'Psychological'),
      questions: [
        {
          id: 'unido_colombia',
          text: t('¿Qué tan unido o unida se siente a Colombia?', 'How attached do you feel to Colombia?'),
          scale: 'cercania',
        },
        {
          id: 'seguir_en_colombia',
          text: t(
            '¿Qué tan probable es que dentro de cinco años siga viviendo en Colombia?',
            'How likely is it that you will still be living in Colombia in five years?',
          ),
          scale: 'probabilidad',
        },
      ],
    },
    {
      id: 'economica',
      name: t('Económica', 'Economic'),
      questions: [
        {
          id: 'ingreso_vs_barrio',
          text: t(
            'Comparado con la mayoría de hogares de su barrio, lo que gana su hogar al mes es…',
            "Compared with most households in your neighbourhood, your household's monthly income is…",
          ),
          scale: 'comparacion_ingreso',
        },
        {
          id: 'gasto_imprevisto',
          text: t(
            'Si mañana tuviera que pagar un imprevisto de unos 500.000 pesos (una medicina, un arreglo), ¿podría hacerlo?',
            'If you had to pay an unexpected bill of about 500,000 pesos tomorrow (a medicine, a repair), could you?',
          ),
          scale: 'gasto_imprevisto',
        },
      ],
    },
    {
      id: 'politica',
      name: t('Política', 'Political'),
      questions: [
        {
          id: 'entiende_temas',
          text: t(
            '¿Qué tanto entiende los temas que se discuten hoy en Colombia, por ejemplo en las noticias?',
            'How well do you understand the issues being discussed in Colombia today, for instance in the news?',
          ),
          scale: 'entendimiento',
        },
        {
          id: 'conversa_temas',
          text: t(
            'En el último año, ¿con qué frecuencia ha conversado con otras personas sobre asuntos públicos o de su comunidad en Colombia?',
            'In the past year, how often have you talked with others about public or community matters in Colombia?',
          ),
          scale: 'frecuencia',
        },
      ],
    },
    {
      id: 'social',
      name: t('Social', 'Social'),
      questions: [
        {
          id: 'amistades_colombianas',
          text: t(
            'En el último mes, ¿con cuántas personas colombianas que no son de su familia compartió una comida, un paseo o una buena conversación?',
            'In the past month, with how many Colombians outside your family did you share a meal, an outing or a good conversation?',
          ),
          scale: 'cuantas_personas',
        },
        {
          id: 'grupos',
          text: t(
            '¿Hace parte de algún grupo u organización (junta de acción comunal, iglesia, deporte, voluntariado, asociación)?',
            'Are you part of any group or organization (community board, church, sports, volunteering, association)?',
          ),
          scale: 'participacion',
        },
      ],
    },
    {
      id: 'linguistica',
      name: t('Lingüística', 'Linguistic'),
      questions: [
        {
          id: 'lectura',
          text: t(
            '¿Qué tan bien puede leer en español un documento como un contrato de arriendo o una carta de una entidad?',
            'How well can you read a document in Spanish such as a lease or a letter from an agency?',
          ),
          scale: 'entendimiento',
        },
        {
          id: 'habla',
          text: t(
            '¿Qué tan bien se hace entender hablando en español en una cita médica o una entrevista de trabajo?',
            'How well can you make yourself understood in Spanish at a doctor’s appointment or a job interview?',
          ),
          scale: 'entendimiento',
        },
      ],
    },
    {
      id: 'navegacion',
      name: t('Manejo del entorno', 'Navigational'),
      questions: [
        {
          id: 'cita_medica',
          text: t(
            'Si se enfermara, ¿qué tan fácil le resultaría conseguir que lo atienda un médico?',
            'If you fell ill, how easy would it be to get seen by a doctor?',
          ),
          scale: 'facilidad',
        },
        {
          id: 'buscar_trabajo',
          text: t(
            'Si tuviera que buscar trabajo, ¿qué tan fácil le resultaría saber dónde y cómo buscarlo?',
            'If you had to look for a job, how easy would it be to know where and how to look?',
          ),
          scale: 'facilidad',
        },
      ],
    },
  ],
  missing: { rule: 'skip', maxMissing: 2 },
  levels: FOUR_LEVELS,
};
