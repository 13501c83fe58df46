import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. Each migration that adds or changes a table updates this file in the same commit.
 */
export interface Database {
  organization: OrganizationTable;
  office: OfficeTable;
  app_user: AppUserTable;
  user_office: UserOfficeTable;
  user_session: UserSessionTable;
  recovery_code: RecoveryCodeTable;
  api_token: ApiTokenTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  department: DepartmentTable;
  municipality: MunicipalityTable;
  person: PersonTable;
  person_office: PersonOfficeTable;
  identity_document: IdentityDocumentTable;
  person_match_keys: PersonMatchKeysTable;
  person_match_blocking: PersonMatchBlockingTable;
  match_model: MatchModelTable;
  household: HouseholdTable;
  household_membership: HouseholdMembershipTable;
  consent: ConsentTable;
  person_merge: PersonMergeTable;
  import_job: ImportJobTable;
  import_mapping: ImportMappingTable;
  import_row_key: ImportRowKeyTable;
  import_rejected_row: ImportRejectedRowTable;
  assessment_instrument: AssessmentInstrumentTable;
  assessment_instrument_version: AssessmentInstrumentVersionTable;
  assessment_application: AssessmentApplicationTable;
  assessment_indicator_target: AssessmentIndicatorTargetTable;
  occupation: OccupationTable;
  characterization: CharacterizationTable;
  characterization_occupation: CharacterizationOccupationTable;
  characterization_draft: CharacterizationDraftTable;
  need: NeedTable;
  protocol: ProtocolTable;
  protocol_version: ProtocolVersionTable;
  arrival: ArrivalTable;
  task: TaskTable;
  programme: ProgrammeTable;
  case: CaseTable;
  case_goal: CaseGoalTable;
  case_goal_need: CaseGoalNeedTable;
  case_action: CaseActionTable;
  case_approval: CaseApprovalTable;
  case_transfer: CaseTransferTable;
  case_note: CaseNoteTable;
  case_event: CaseEventTable;
  directory_location: DirectoryLocationTable;
  directory_service: DirectoryServiceTable;
  directory_service_at_location: DirectoryServiceAtLocationTable;
  directory_schedule: DirectoryScheduleTable;
  directory_contact: DirectoryContactTable;
  referral: ReferralTable;
  referral_event: ReferralEventTable;
  outbox_message: OutboxMessageTable;
  employer_verification: EmployerVerificationTable;
  employer_profile: EmployerProfileTable;
  vacancy: VacancyTable;
  job_seeker_profile: JobSeekerProfileTable;
  job_application: JobApplicationTable;
  placement_follow_up: PlacementFollowUpTable;
  employment_service_registration: EmploymentServiceRegistrationTable;
  enterprise_course: EnterpriseCourseTable;
  enterprise_enrolment: EnterpriseEnrolmentTable;
  productive_unit: ProductiveUnitTable;
  productive_unit_support: ProductiveUnitSupportTable;
  productive_unit_follow_up: ProductiveUnitFollowUpTable;
  financing_application: FinancingApplicationTable;
  dedup_run: DedupRunTable;
  dedup_pair: DedupPairTable;
}

export interface ImportJobTable {
  id: string;
  office_id: string;
  created_by: string;
  file_name: string;
  file_hash: string;
  format: string;
  file_content: Uint8Array | null;
  headers: unknown;
  delimiter: string | null;
  total_rows: number;
  mapping: unknown | null;
  default_population_group: string | null;
  mode: string | null;
  status: Generated<string>;
  processed_rows: Generated<number>;
  created_rows: Generated<number>;
  matched_rows: Generated<number>;
  skipped_rows: Generated<number>;
  rejected_rows: Generated<number>;
  flagged_rows: Generated<number>;
  error_code: string | null;
  started_by_role: string | null;
  started_context: unknown | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Generated<Date>;
}

export interface ImportMappingTable {
  office_id: string;
  header_signature: string;
  mapping: unknown;
  default_population_group: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ImportRowKeyTable {
  office_id: string;
  fingerprint: string;
  person_id: string;
  job_id: string;
}

export interface ImportRejectedRowTable {
  job_id: string;
  row_number: number;
  cells: unknown;
  errors: unknown;
}

export interface PersonMergeTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  survivor_before: unknown;
  survivor_version_after: number;
  moved_document_ids: string[];
  moved_membership_ids: string[];
  ended_membership_ids: string[];
  moved_consent_ids: string[];
  revoked_consent_ids: string[];
  added_office_ids: string[];
  merged_by: string;
  merged_at: Generated<Date>;
  undone_by: string | null;
  undone_at: Date | null;
}

export interface DepartmentTable {
  code: string;
  name: string;
}

export interface MunicipalityTable {
  code: string;
  name: string;
  department_code: string;
}

export interface OrganizationTable {
  id: string;
  name: string;
  short_name: string;
  kind: string;
  description: string | null;
  email: string | null;
  website: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OfficeTable {
  id: string;
  organization_id: string;
  name: string;
  kind: string;
  municipality_code: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AppUserTable {
  id: string;
  organization_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  status: Generated<string>;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  must_change_password: Generated<boolean>;
  last_sign_in_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserOfficeTable {
  user_id: string;
  office_id: string;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  second_factor_pending: Generated<boolean>;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string[];
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface SignInThrottleTable {
  email: string;
  failures: Generated<number>;
  locked_until: Date | null;
  last_failure_at: Generated<Date>;
}

export interface AuditLogTable {
  id: string;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  office_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  changes: unknown | null;
}

export interface PersonTable {
  id: string;
  given_name_1: string;
  given_name_2: string | null;
  surname_1: string;
  surname_2: string | null;
  preferred_name: string | null;
  search_name: string;
  /** See src/domain/registry/name-keys.ts. */
  name_keys: ColumnType<string[], string[] | undefined, string[]>;
  sex_at_birth: string | null;
  gender_identity: string | null;
  birth_date: string | null;
  birth_date_estimated: Generated<boolean>;
  nationalities: Generated<string[]>;
  previous_residence_country: string | null;
  population_group: string;
  ethnic_group: string | null;
  wg_seeing: number | null;
  wg_hearing: number | null;
  wg_walking: number | null;
  wg_cognition: number | null;
  wg_self_care: number | null;
  wg_communication: number | null;
  languages: Generated<string[]>;
  phone_e164: string | null;
  email: string | null;
  address_line: string | null;
  neighbourhood: string | null;
  municipality_code: string | null;
  return_type: string | null;
  rur_registered: boolean | null;
  arrival_date: string | null;
  arrival_mode: string | null;
  arrival_post: string | null;
  returned_from_country: string | null;
  years_abroad: number | null;
  return_voluntary: boolean | null;
  /** Health data (Ley 1581 art. 5); see src/domain/registry/maternity.ts. */
  maternity_status: Generated<string | null>;
  maternity_since: Generated<string | null>;
  maternity_until: Generated<string | null>;
  maternity_until_estimated: Generated<boolean | null>;
  maternity_recorded_by: Generated<string | null>;
  maternity_recorded_at: Generated<Date | null>;
  registered_office_id: string;
  created_by: string | null;
  merged_into_id: Generated<string | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PersonOfficeTable {
  person_id: string;
  office_id: string;
  since: Generated<Date>;
}

export interface IdentityDocumentTable {
  id: string;
  person_id: string;
  document_type: string;
  number: string;
  number_normalized: string;
  issuing_country: string | null;
  issued_on: string | null;
  expires_on: string | null;
  created_at: Generated<Date>;
}

/** A person's entity-resolution keys (migration 0024; src/modules/entity-resolution/keys-compute.ts). */
export interface PersonMatchKeysTable {
  person_id: string;
  keys_version: number;
  given_names: string[];
  surnames: string[];
  phonetic: string[];
  document_digits: string[];
  /** The comparisons' PreparedPerson. */
  prepared: unknown;
  updated_at: Generated<Date>;
}

/** A person's blocking keys as keyHash() values, GIN-indexed: what the online match looks candidates up by. */
export interface PersonMatchBlockingTable {
  person_id: string;
  key_hashes: number[];
}

/** A trained match model (pipeline.ts's trainedModelToJson); at most one active. */
export interface MatchModelTable {
  id: string;
  created_at: Generated<Date>;
  created_by: string | null;
  source: 'run' | 'thresholds';
  run_id: string | null;
  parameters: unknown;
  same_threshold: number;
  review_threshold: number;
  active: Generated<boolean>;
}

export interface HouseholdTable {
  id: string;
  address_line: string | null;
  neighbourhood: string | null;
  municipality_code: string | null;
  registered_office_id: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HouseholdMembershipTable {
  id: string;
  household_id: string;
  person_id: string;
  relationship: string;
  joined_on: Generated<string>;
  left_on: string | null;
}

export interface ConsentTable {
  id: string;
  person_id: string;
  purpose: string;
  given_by: string;
  guardian_name: string | null;
  method: string;
  granted_at: Date;
  recorded_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

/** CIUO-08 (ISCO-08) groups, levels 1 to 4; `search_text` is both titles folded (see docs/reference-data.md). */
export interface OccupationTable {
  code: string;
  level: number;
  parent_code: string | null;
  title_es: string;
  title_en: string;
  search_text: string;
}

/** One completed characterization of a person; never updated (see docs/characterization.md). */
export interface CharacterizationTable {
  id: string;
  person_id: string;
  number: number;
  answers: unknown;
  /** The sensitive vulnerabilities, read only for roles that may see them. */
  sensitive: unknown | null;
  office_id: string | null;
  completed_by: string | null;
  completed_at: Generated<Date>;
}

export interface CharacterizationOccupationTable {
  characterization_id: string;
  position: number;
  ciuo_code: string;
  years_experience: ColumnType<string | null, number | null, number | null>;
}

export interface CharacterizationDraftTable {
  id: string;
  person_id: string;
  author_id: string;
  answers: unknown;
  sensitive: unknown | null;
  occupations: unknown;
  based_on_number: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface NeedTable {
  id: string;
  person_id: string | null;
  household_id: string | null;
  office_id: string;
  dimension: string;
  description: string;
  severity: string;
  status: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ProtocolTable {
  id: string;
  category: string;
  /** The version number now applied, also the row's version for optimistic concurrency. */
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ProtocolVersionTable {
  id: string;
  protocol_id: string;
  version_number: number;
  name: ColumnType<{ es: string; en: string }, string, string>;
  /** ProtocolStep[] (src/domain/assistance/protocol.ts). */
  steps: ColumnType<
    Array<{ id: string; title: { es: string; en: string }; dueOffsetMinutes: number }>,
    string,
    string
  >;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ArrivalTable {
  id: string;
  office_id: string;
  kind: string;
  announced_by: string | null;
  expected_at: Date | null;
  transport: string;
  flight_or_crossing: string | null;
  origin_country: string | null;
  traveller_name: string | null;
  traveller_document: string | null;
  person_id: string | null;
  categories: Generated<string[]>;
  provided: Generated<string[]>;
  shelter_place: string | null;
  notes: string | null;
  status: Generated<string>;
  received_by: string | null;
  received_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
  /** The case its hand-off opened at a Migrant Assistance Office (0017), with the office, programme, who and when. */
  case_id: string | null;
  handoff_office_id: string | null;
  handoff_programme_key: string | null;
  handed_off_by: string | null;
  handed_off_at: Date | null;
}

export interface TaskTable {
  id: string;
  office_id: string;
  title: string;
  person_id: string | null;
  case_id: string | null;
  arrival_id: string | null;
  assignee_id: string | null;
  due_at: Date | null;
  status: Generated<string>;
  completed_by: string | null;
  completed_at: Date | null;
  protocol_id: string | null;
  protocol_version_id: string | null;
  protocol_step_id: string | null;
  position: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface AssessmentInstrumentTable {
  id: string;
  key: string;
  subject_type: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AssessmentInstrumentVersionTable {
  id: string;
  instrument_id: string;
  version_number: number;
  status: Generated<string>;
  /** The validated InstrumentDefinition (src/domain/assessment/instrument.ts). */
  definition: unknown;
  created_by: string | null;
  created_at: Generated<Date>;
  superseded_at: Date | null;
  row_version: Generated<number>;
}

export interface AssessmentApplicationTable {
  id: string;
  instrument_version_id: string;
  instrument_key: string;
  subject_type: string;
  household_id: string | null;
  person_id: string | null;
  office_id: string;
  programme: string | null;
  kind: string;
  respondent: string;
  status: Generated<string>;
  answers: ColumnType<Record<string, string | null>, string | undefined, string>;
  current_dimension: Generated<number>;
  overall_score: number | null;
  level_id: string | null;
  top_level: boolean | null;
  dimension_scores: unknown | null;
  /** The subject's most recently completed application of this instrument (migration 0010). */
  latest: Generated<boolean>;
  version: Generated<number>;
  started_by: string;
  started_at: Generated<Date>;
  updated_at: Generated<Date>;
  completed_by: string | null;
  completed_at: Date | null;
}

export interface AssessmentIndicatorTargetTable {
  office_id: string;
  programme: Generated<string>;
  instrument_key: string;
  target_share: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ProgrammeTable {
  key: string;
  name_es: string;
  name_en: string;
  description_es: string | null;
  description_en: string | null;
  organization_id: string | null;
  requires_plan_approval: Generated<boolean>;
  requires_closure_approval: Generated<boolean>;
  /** The assessment instrument the programme measures its people with, if any. */
  instrument_key: string | null;
  /** Population groups (src/domain/registry/vocabulary.ts) it targets; empty: anyone. */
  population_groups: Generated<string[]>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseTable {
  id: string;
  person_id: string | null;
  household_id: string | null;
  programme_key: string;
  office_id: string;
  caseworker_id: string;
  status: Generated<string>;
  /** The working status to return to after a hold or a refused closure. */
  status_before: string | null;
  plan_status: Generated<string>;
  hold_reason: string | null;
  closure_reason: string | null;
  closure_outcome: string | null;
  closure_note: string | null;
  closed_at: Date | null;
  opened_by: string | null;
  opened_at: Generated<Date>;
  last_activity_at: Generated<Date>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  /** Vulnerability categories (the arrivals' vocabulary); adding one starts its protocol on the case. */
  categories: Generated<string[]>;
}

export interface CaseGoalTable {
  id: string;
  case_id: string;
  dimension: string;
  description: string;
  status: Generated<string>;
  position: number;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseGoalNeedTable {
  goal_id: string;
  need_id: string;
}

export interface CaseActionTable {
  id: string;
  case_id: string;
  goal_id: string;
  description: string;
  responsible_kind: string;
  responsible_user_id: string | null;
  responsible_organization_id: string | null;
  due_on: string | null;
  status: Generated<string>;
  completed_at: Date | null;
  completed_by: string | null;
  position: number;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseApprovalTable {
  id: string;
  case_id: string;
  office_id: string;
  subject: string;
  status: Generated<string>;
  requested_by: string;
  requested_at: Generated<Date>;
  request_details: unknown | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}

export interface CaseTransferTable {
  id: string;
  case_id: string;
  from_office_id: string;
  to_office_id: string;
  status: Generated<string>;
  reason: string;
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}

export interface CaseNoteTable {
  id: string;
  case_id: string;
  author_id: string;
  confidentiality: Generated<string>;
  body: string;
  created_at: Generated<Date>;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  kind: string;
  actor_id: string | null;
  at: Generated<Date>;
  reason: string | null;
  details: unknown | null;
}

export interface DirectoryLocationTable {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  state_province: string | null;
  postal_code: string | null;
  country: Generated<string>;
  municipality_code: string | null;
  latitude: number | null;
  longitude: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DirectoryServiceTable {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  category: string;
  status: Generated<string>;
  url: string | null;
  email: string | null;
  application_process: string | null;
  fees_description: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  population_groups: Generated<string[]>;
  sexes: Generated<string[]>;
  required_documents: Generated<string[]>;
  municipality_codes: Generated<string[]>;
  languages: Generated<string[]>;
  capacity_per_month: number | null;
  acceptance_days: Generated<number>;
  completion_days: number | null;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DirectoryServiceAtLocationTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface DirectoryScheduleTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  valid_from: string | null;
  valid_to: string | null;
  description: string | null;
}

export interface DirectoryContactTable {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
  phone: string | null;
}

export interface ReferralTable {
  id: string;
  person_id: string;
  case_id: string;
  case_action_id: string | null;
  service_id: string;
  organization_id: string;
  office_id: string;
  status: Generated<string>;
  reason: string | null;
  shared_data: unknown;
  eligibility: unknown;
  consent_id: string | null;
  decline_reason: string | null;
  outcome: string | null;
  outcome_notes: string | null;
  sent_by: string;
  sent_at: Date;
  accept_due_at: Date;
  complete_due_at: Date | null;
  accepted_at: Date | null;
  accepted_by: string | null;
  started_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  idempotency_key: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReferralEventTable {
  id: string;
  referral_id: string;
  kind: string;
  actor_id: string | null;
  at: Date;
  details: unknown | null;
}

export interface OutboxMessageTable {
  id: string;
  topic: string;
  recipient: string;
  locale: Generated<string>;
  subject: string;
  body: string;
  payload: unknown | null;
  status: Generated<string>;
  attempts: Generated<number>;
  available_at: Generated<Date>;
  sent_at: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
}

export interface EmployerVerificationTable {
  id: string;
  organization_id: string;
  legal_registration: boolean;
  formal_contracts: boolean;
  social_security: boolean;
  minimum_wage_or_more: boolean;
  safe_conditions: boolean;
  non_discrimination: boolean;
  verified_by: string;
  verified_at: Date;
  valid_until: string;
  notes: string | null;
  created_at: Generated<Date>;
}

export interface EmployerProfileTable {
  organization_id: string;
  tax_id: string | null;
  economic_activity: string | null;
  municipality_code: string | null;
  address: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface VacancyTable {
  id: string;
  organization_id: string;
  title: string;
  ciuo_code: string;
  description: string | null;
  required_skills: Generated<string[]>;
  education_level: string | null;
  experience_months: Generated<number>;
  municipality_code: string;
  contract_type: string;
  monthly_wage: number;
  positions: Generated<number>;
  opens_on: string;
  closes_on: string | null;
  status: Generated<string>;
  posted_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface JobSeekerProfileTable {
  person_id: string;
  ciuo_codes: Generated<string[]>;
  skills: Generated<string[]>;
  education_level: string | null;
  experience_months: Generated<number>;
  municipality_code: string | null;
  availability: string | null;
  seeking: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface JobApplicationTable {
  id: string;
  vacancy_id: string;
  person_id: string;
  office_id: string;
  status: Generated<string>;
  match_score: number | null;
  match_explanation: unknown | null;
  consent_id: string | null;
  applied_by: string;
  applied_at: Date;
  interview_at: Date | null;
  decided_at: Date | null;
  decision_reason: string | null;
  hired_on: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface PlacementFollowUpTable {
  id: string;
  application_id: string;
  milestone: string;
  due_on: string;
  done_at: Date | null;
  still_employed: boolean | null;
  notes: string | null;
  recorded_by: string | null;
}

export interface EmploymentServiceRegistrationTable {
  id: string;
  person_id: string;
  registered_on: string;
  status: string;
  registration_number: string | null;
  provider: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
  version: Generated<number>;
}

export interface EnterpriseCourseTable {
  id: string;
  organization_id: string;
  name: string;
  kind: string;
  modality: string;
  hours: number;
  municipality_code: string | null;
  starts_on: string;
  ends_on: string | null;
  capacity: number | null;
  status: Generated<string>;
  directory_service_id: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnterpriseEnrolmentTable {
  id: string;
  course_id: string;
  person_id: string;
  office_id: string;
  status: Generated<string>;
  enrolled_on: string;
  completed_on: string | null;
  dropped_on: string | null;
  certificate_reference: string | null;
  enrolled_by: string;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface ProductiveUnitTable {
  id: string;
  person_id: string;
  office_id: string;
  name: string;
  sector: string;
  description: string | null;
  municipality_code: string | null;
  stage: Generated<string>;
  started_on: string | null;
  closed_on: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProductiveUnitSupportTable {
  id: string;
  unit_id: string;
  kind: string;
  provider_organization_id: string | null;
  amount_cop: number | null;
  provided_on: string;
  notes: string | null;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface ProductiveUnitFollowUpTable {
  id: string;
  unit_id: string;
  visited_on: string;
  stage_at_visit: string;
  monthly_sales_cop: number | null;
  jobs_created: number | null;
  notes: string | null;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface FinancingApplicationTable {
  id: string;
  unit_id: string;
  line: string;
  intermediary_organization_id: string;
  amount_requested_cop: number;
  amount_approved_cop: number | null;
  approval_note: string | null;
  status: Generated<string>;
  submitted_on: string | null;
  decided_on: string | null;
  disbursed_on: string | null;
  notes: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A deduplication run (migration 0025; src/modules/entity-resolution/dedup-service.ts). */
export interface DedupRunTable {
  id: string;
  scope: string;
  office_ids: string[] | null;
  import_job_id: string | null;
  status: Generated<string>;
  stage: Generated<string>;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  person_count: Generated<number>;
  candidate_count: Generated<number>;
  same_count: Generated<number>;
  review_count: Generated<number>;
  refused_count: Generated<number>;
  snapshot_at: Generated<Date>;
  model: unknown | null;
  model_id: string | null;
  blocking_stats: unknown | null;
  error_code: string | null;
  attempts: Generated<number>;
  started_by: string;
  started_by_role: string;
  started_context: unknown | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Generated<Date>;
}

/** A pair of persons a deduplication run queued for review. */
export interface DedupPairTable {
  id: string;
  run_id: string;
  person_a_id: string;
  person_b_id: string;
  probability: number;
  weight: number;
  decision_class: string;
  levels: number[];
  veto: Generated<boolean>;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
  version: Generated<number>;
}
