import type { Migration } from 'kysely';
import * as m0001 from './0001_network';
import * as m0002 from './0002_identity_and_audit';
import * as m0003 from './0003_divipola';
import * as m0004 from './0004_registry';
import * as m0005 from './0005_person_merge';
import * as m0006 from './0006_registry_import';
import * as m0007 from './0007_person_name_keys';
import * as m0008 from './0008_characterization_and_needs';
import * as m0009 from './0009_integration_index';
import * as m0010 from './0010_assessment_latest';
import * as m0011 from './0011_person_pregnancy';
import * as m0012 from './0012_programmes_and_cases';
import * as m0013 from './0013_tasks_protocols_arrivals';
import * as m0017 from './0017_arrival_handoff';
import * as m0018 from './0018_case_categories';
import * as m0019 from './0019_directory';
import * as m0020 from './0020_referrals_and_outbox';
import * as m0021 from './0021_employment';
import * as m0022 from './0022_enterprise';
import * as m0023 from './0023_referral_indexes';
import * as m0024 from './0024_person_match_keys';
import * as m0025 from './0025_deduplication';

/** Every migration in order. Names sort lexically; never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_network': m0001,
  '0002_identity_and_audit': m0002,
  '0003_divipola': m0003,
  '0004_registry': m0004,
  '0005_person_merge': m0005,
  '0006_registry_import': m0006,
  '0007_person_name_keys': m0007,
  '0008_characterization_and_needs': m0008,
  '0009_integration_index': m0009,
  '0010_assessment_latest': m0010,
  '0011_person_pregnancy': m0011,
  '0012_programmes_and_cases': m0012,
  '0013_tasks_protocols_arrivals': m0013,
  '0017_arrival_handoff': m0017,
  '0018_case_categories': m0018,
  '0019_directory': m0019,
  '0020_referrals_and_outbox': m0020,
  '0021_employment': m0021,
  '0022_enterprise': m0022,
  '0023_referral_indexes': m0023,
  '0024_person_match_keys': m0024,
  '0025_deduplication': m0025,
};
