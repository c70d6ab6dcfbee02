// JSON shapes of vigil's HTTP API, as documented in docs/API.md.

export type Role = 'viewer' | 'analyst' | 'admin';
export type Schema =
  | 'Thing'
  | 'LegalEntity'
  | 'Person'
  | 'Organization'
  | 'Company'
  | 'Vessel'
  | 'Aircraft';
export const SCHEMATA: Schema[] = [
  'Person',
  'Company',
  'Organization',
  'LegalEntity',
  'Vessel',
  'Aircraft',
  'Thing',
];

export type Properties = Record<string, string[]>;

export interface Whoami {
  key_id: string;
  name: string;
  role: Role;
}

export interface EntityIn {
  id?: string | null;
  schema: Schema | string;
  properties: Properties;
}

export interface Entity {
  id: string;
  schema: string;
  caption?: string;
  properties: Properties;
  datasets?: string[];
}

export interface PartAlignment {
  query: string;
  candidate: string;
  method: string;
  scheme?: string;
  similarity: number;
  weight: number;
}

export interface Feature {
  name: string;
  value: number;
  weight: number;
  detail: string;
}

export interface Explanation {
  query_name: string;
  candidate_name: string;
  query_form: string;
  candidate_form: string;
  name_score: number;
  parts: PartAlignment[];
  features: Feature[];
}

export interface Dataset {
  name: string;
  title?: string;
  version?: string;
  source?: string;
  entities: number;
}

export interface Catalog {
  datasets: Dataset[];
  entities: number;
  loaded_at?: string;
}

export type AlertStatus = 'open' | 'match' | 'no_match' | 'escalated' | 'suppressed';
export const ALERT_STATUSES: AlertStatus[] = ['open', 'escalated', 'match', 'no_match', 'suppressed'];
export type Decision = 'match' | 'no_match' | 'escalate';

export interface SuppressedBy {
  alert_id: number;
  decision_id: number;
  decided_by: string;
  decided_at: string;
  comment: string | null;
}

export interface Alert {
  id: number;
  status: AlertStatus;
  score: number;
  dataset: string;
  subject_id: number;
  subject_caption: string;
  reference: string | null;
  entity_id: string;
  entity_caption: string;
  screening_id: number;
  fingerprint?: string;
  suppressed_by: SuppressedBy | null;
  created_at: string;
  updated_at: string;
}

export interface AlertHistoryItem {
  at: string;
  action: string;
  actor: string;
  status?: string;
  decision?: string;
  comment: string | null;
  decision_id?: number;
}

export interface AlertDetail extends Alert {
  subject: Entity;
  entity: Entity;
  explanation: Explanation;
  history: AlertHistoryItem[];
}

export interface ScreeningAlert extends Alert {
  explanation: Explanation;
  entity: Entity;
  new: boolean;
}

export interface ScreeningResponse {
  screening_id: number;
  subject: { id: number; key: string; entity: Entity };
  reference: string | null;
  alerts: ScreeningAlert[];
  suppressed: number;
  created_at: string;
}

export interface MatchResult extends Entity {
  score: number;
  match: boolean;
  features?: Record<string, number>;
  explanation: Explanation;
}

export interface MatchResponse {
  responses: Record<
    string,
    { status: number; query: EntityIn; results: MatchResult[]; total: { value: number } }
  >;
  matcher?: { name: string; threshold: number };
  limit: number;
}

export interface Page {
  page: number;
  page_size: number;
  total: number;
}

export type CaseStatus = 'open' | 'investigating' | 'referred' | 'closed';
export const CASE_STATUSES: CaseStatus[] = ['open', 'investigating', 'referred', 'closed'];

export interface CaseNote {
  id: number;
  author: string;
  text: string;
  created_at: string;
}

export interface TimelineItem {
  at: string;
  actor: string;
  kind: string;
  detail: Record<string, unknown> | null;
}

export interface Case {
  id: number;
  title: string;
  description: string | null;
  status: CaseStatus;
  counterpart: string | null;
  reference: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  alert_ids: number[];
  entity_ids: string[];
  notes?: CaseNote[];
  timeline?: TimelineItem[];
}

export interface BatchRow {
  line: number;
  subject_id: number | null;
  screening_id: number | null;
  alert_ids: number[];
  error: string | null;
}

export interface Batch {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  alerts: number;
  created_by: string;
  created_at: string;
  finished_at: string | null;
  results: BatchRow[];
}

export interface Stats {
  alerts_by_day: { day: string; count: number }[];
  alerts_by_status: Record<string, number>;
  score_histogram: { lo: number; hi: number; count: number }[];
  decisions_by_outcome: Record<string, number>;
  decisions_by_analyst: {
    key_id: string;
    name: string;
    match: number;
    no_match: number;
    escalate: number;
  }[];
  cases_by_status: Record<string, number>;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
  key?: string;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  records: number;
  first_bad: { seq: number; reason: string } | null;
}

export interface ReloadStatus {
  running: boolean;
  last: { ok: boolean; at: string; message: string; took_ms: number } | null;
}
