import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Regency as RegencyModel, Province as ProvinceModel } from '../application/regions.js';
import type { InnovationRow as InnovationRowModel } from '../../projections/innovations/readers.js';
import type { AdoptionRow as AdoptionRowModel, MilestoneRow as MilestoneRowModel } from '../../projections/adoptions/readers.js';
import type { StudyVisitRow as StudyVisitRowModel } from '../../projections/study-visits/readers.js';
import type { DiffusionFigures as DiffusionFiguresModel, OriginFigures as OriginFiguresModel } from '../../projections/timeline/diffusion.js';
import type { RecordedEvent as RecordedEventModel } from '../eventstore/port.js';
import type { MilestoneNotice as MilestoneNoticeModel } from '../graphql/live-feed.js';
import type { AccessTokenRow as AccessTokenRowModel } from '../../projections/access-tokens/readers.js';
import type { VisitOutcomeRow as VisitOutcomeRowModel } from '../../projections/study-visits/outcomes.js';
import type { BudgetTotalRow as BudgetTotalRowModel } from '../../projections/budgets/readers.js';
import type { Ranked as RankedModel, NetworkNodeRow as NetworkNodeRowModel, NetworkEdgeRow as NetworkEdgeRowModel } from '../../projections/figures/readers.js';
import type { GraphQLContext } from './context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An ISO-8601 instant, e.g. 2019-02-25T03:00:00.000Z. */
  DateTime: { input: string | Date; output: string | Date; }
  /** Any JSON value: an event's payload or metadata, as stored. */
  JSON: { input: unknown; output: unknown; }
};

/** An access grant; the token itself is never stored, only its SHA-256 hash. */
export type AccessToken = {
  __typename?: 'AccessToken';
  /** The grant's id (not the secret); revoke by it. */
  id: Scalars['ID']['output'];
  /** When the token was issued. */
  issuedAt: Scalars['DateTime']['output'];
  /** Who holds it, as given when it was issued. */
  label?: Maybe<Scalars['String']['output']>;
  /** The regency a REGENCY token speaks for; null for ANALYST and ADMIN. */
  regency?: Maybe<Regency>;
  /** True once revoked; a revoked token no longer works. */
  revoked: Scalars['Boolean']['output'];
  /** When it was revoked. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the token may do. */
  role: Role;
};

/** Evidence (data dukung) added to a milestone after it was reported. */
export type AddEvidenceInput = {
  /** 1 to 20 pieces; a milestone holds at most 20 in all. */
  evidence: Array<EvidenceInput>;
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The milestone, a study visit's milestone (<visitId>:<innovationId>) included. */
  milestoneId: Scalars['ID']['input'];
};

/** One adopter regency's replication of one innovation: its stage, maturity and milestones. */
export type Adoption = {
  __typename?: 'Adoption';
  /** The regency replicating the innovation. */
  adopter: Regency;
  /** The date of its earliest milestone that counts. */
  firstOccurredOn?: Maybe<Scalars['Date']['output']>;
  /** The adoption's full history from the event log: every report, retraction and verification, and the study visits that count for it, in log order. */
  history: Array<AuditEvent>;
  /** The innovation being replicated. */
  innovation: Innovation;
  /** The date of its latest milestone that counts. */
  lastOccurredOn?: Maybe<Scalars['Date']['output']>;
  /** The stage on Kemendagri's maturity scale. */
  maturity: Maturity;
  /** Every milestone, retracted ones included, in the order they occurred. */
  milestones: Array<Milestone>;
  /** The furthest stage among the milestones that are not retracted. */
  stage: AdoptionStage;
  /** True while the latest SUSPENDED/RESUMED milestone is a suspension (vakum). */
  suspended: Scalars['Boolean']['output'];
  /** When the latest event that changed it was recorded. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of adoptions with its cursors and the size of the whole match. */
export type AdoptionConnection = {
  __typename?: 'AdoptionConnection';
  /** The adoptions on this page, each with its cursor. */
  edges: Array<AdoptionEdge>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many adoptions match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** The cumulative adoption curve (S-curve): when adoptions in scope first reached a stage. */
export type AdoptionCurve = {
  __typename?: 'AdoptionCurve';
  /** Distinct regencies that reached the stage in all. */
  adopters: Scalars['Int']['output'];
  /** Adoptions that reached the stage in all. */
  adoptions: Scalars['Int']['output'];
  /** Which date places a milestone in a period. */
  clock: Clock;
  /** The length of each period. */
  interval: CurveInterval;
  /** Every period from the first adoption reaching the stage to the last, empty ones included. */
  periods: Array<CurvePeriod>;
  /** The stage counted. */
  stage: AdoptionStage;
};

/** One adoption on a page, with the cursor that points after it. */
export type AdoptionEdge = {
  __typename?: 'AdoptionEdge';
  /** Opaque; pass it as `after` to continue after this adoption (in the same sort order). */
  cursor: Scalars['String']['output'];
  /** The adoption. */
  node: Adoption;
};

/** Which adoptions to list; every condition given must hold. */
export type AdoptionFilter = {
  /** Adoptions by this adopting regency (Kemendagri code). */
  adopterCode?: InputMaybe<Scalars['ID']['input']>;
  /** Only adoptions of innovations of this category. */
  category?: InputMaybe<InnovationCategory>;
  /** Adoptions of this innovation. */
  innovationId?: InputMaybe<Scalars['ID']['input']>;
  /** This stage or a later one. */
  minStage?: InputMaybe<AdoptionStage>;
  /** Only adoptions whose replication mode (the mode of their latest milestone that counts and names one) is this. */
  mode?: InputMaybe<ReplicationMode>;
  /** Has a milestone that counts and occurred within the range. */
  occurredBetween?: InputMaybe<DateRange>;
  /** Adoptions of innovations originated by this regency. */
  originCode?: InputMaybe<Scalars['ID']['input']>;
  /** Province of the adopting regency. */
  provinceCode?: InputMaybe<Scalars['ID']['input']>;
  /** Has a milestone that counts and was reported (recordedAt, UTC) within the range. */
  reportedBetween?: InputMaybe<DateRange>;
  /** Exactly this stage. */
  stage?: InputMaybe<AdoptionStage>;
  /** Only adoptions that are (true) or are not (false) suspended (vakum), at the time point asked. */
  suspended?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has a milestone that counts (not retracted) whose current verdict is this one. */
  verification?: InputMaybe<Verification>;
};

/** Sort order of adoptions; ties are broken by (adopter, innovation) in the same direction. */
export type AdoptionSort = {
  /** Ascending (the default) or descending. */
  direction?: InputMaybe<SortDirection>;
  /** What to sort by. */
  field: AdoptionSortField;
};

/** What adoptions can be sorted by. */
export type AdoptionSortField =
  /** The adopter's code. */
  | 'ADOPTER'
  /** The date of the earliest milestone that counts. */
  | 'FIRST_OCCURRED'
  /** The innovation's id. */
  | 'INNOVATION'
  /** The date of the latest milestone that counts. */
  | 'LAST_OCCURRED'
  /** The stage, in stage order. */
  | 'STAGE'
  /** When the adoption last changed. */
  | 'UPDATED';

/** How far an adoption got, in order. */
export type AdoptionStage =
  /** nota kesepahaman (MoU) / perjanjian kerja sama (PKS) */
  | 'AGREED'
  /** alokasi APBD */
  | 'FUNDED'
  /** pernyataan minat */
  | 'INTERESTED'
  /** peluncuran / peresmian */
  | 'OPERATIONAL'
  /** uji coba */
  | 'PILOTING'
  /** Peraturan Bupati / Wali Kota, SK */
  | 'REGULATED'
  /** studi tiru / kunjungan kerja */
  | 'STUDIED';

/** Details of an AGREEMENT_SIGNED milestone: the MoU or PKS. */
export type AgreementDetails = {
  __typename?: 'AgreementDetails';
  /** The agreement's document number. */
  documentNumber?: Maybe<Scalars['String']['output']>;
  /** The parties that signed (1 to 20). */
  parties: Array<Scalars['String']['output']>;
  /** MoU or PKS. */
  type: AgreementType;
};

/** Details of an AGREEMENT_SIGNED milestone: the MoU or PKS. */
export type AgreementDetailsInput = {
  /** The agreement's document number. */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  /** The parties that signed (1 to 20). */
  parties: Array<Scalars['String']['input']>;
  /** MoU or PKS. */
  type: AgreementType;
};

/** The kind of agreement between the regencies. */
export type AgreementType =
  /** nota kesepahaman */
  | 'MOU'
  /** perjanjian kerja sama */
  | 'PKS';

/** One event as stored in the log. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** Who reported it (the token's actor id). */
  actor?: Maybe<Scalars['String']['output']>;
  /** The id shared by the events one request wrote. */
  correlationId?: Maybe<Scalars['String']['output']>;
  /** The event's payload, as stored. */
  data: Scalars['JSON']['output'];
  /** The event's metadata (actor, correlation id, idempotency record, migration source), as stored. */
  metadata: Scalars['JSON']['output'];
  /** Position in the global log (a string: it may exceed 2^53). */
  position: Scalars['String']['output'];
  /** When it was written (for a migrated event, when it was first written). */
  recordedAt: Scalars['DateTime']['output'];
  /** Revision within its stream (a string). */
  revision: Scalars['String']['output'];
  /** The stream it belongs to, e.g. adoption-16.04_banyuwangi-mal-pelayanan-publik. */
  stream: Scalars['String']['output'];
  /** The event type, e.g. MilestoneReported. */
  type: Scalars['String']['output'];
};

/** Details of a BUDGET_ALLOCATED milestone: the budget line. */
export type BudgetDetails = {
  __typename?: 'BudgetDetails';
  /** Whole rupiah as decimal digits, exact (amounts can pass 2^53). */
  amountRupiah: Scalars['String']['output'];
  /** The fiscal year (tahun anggaran), within a year of the milestone's date. */
  fiscalYear: Scalars['Int']['output'];
  /** Where the money comes from. */
  source: BudgetSource;
};

/** Details of a BUDGET_ALLOCATED milestone: the budget line. */
export type BudgetDetailsInput = {
  /** Whole rupiah written in digits, e.g. "1500000000". */
  amountRupiah: Scalars['String']['input'];
  /** The fiscal year (tahun anggaran), within a year of the milestone's date. */
  fiscalYear: Scalars['Int']['input'];
  /** Where the money comes from. */
  source: BudgetSource;
};

/** What a budget total is grouped by. */
export type BudgetGrouping =
  /** the fiscal year (tahun anggaran) of the allocation */
  | 'FISCAL_YEAR'
  /** the innovation adopted */
  | 'INNOVATION'
  /** the adopting regency's province */
  | 'PROVINCE';

/** Where the money comes from. */
export type BudgetSource =
  /** the regional budget (Anggaran Pendapatan dan Belanja Daerah) */
  | 'APBD'
  /** the state budget (Anggaran Pendapatan dan Belanja Negara) */
  | 'APBN'
  /** corporate social responsibility funds */
  | 'CSR'
  /** another source */
  | 'OTHER';

/** A total of budget allocations; the fields not grouped by are null. */
export type BudgetTotal = {
  __typename?: 'BudgetTotal';
  /** Distinct adopting regencies among them. */
  adopters: Scalars['Int']['output'];
  /** BUDGET_ALLOCATED milestones added up. */
  allocations: Scalars['Int']['output'];
  /** The sum in whole rupiah, as decimal digits (exact past 2^53). */
  amountRupiah: Scalars['String']['output'];
  /** The fiscal year, when grouped by FISCAL_YEAR. */
  fiscalYear?: Maybe<Scalars['Int']['output']>;
  /** The innovation, when grouped by INNOVATION. */
  innovation?: Maybe<Innovation>;
  /** The adopters' province, when grouped by PROVINCE. */
  province?: Maybe<Province>;
};

/** Which of a milestone's two dates places it in time. */
export type Clock =
  /** When it was reported to replika (recordedAt, in UTC). */
  | 'KNOWN'
  /** When it happened (occurredOn). */
  | 'OCCURRED';

/** The length of one period of an adoption curve. */
export type CurveInterval =
  /** Calendar months, labelled 2019-02. */
  | 'MONTH'
  /** Calendar quarters, labelled 2019-Q1. */
  | 'QUARTER'
  /** Calendar years, labelled 2019. */
  | 'YEAR';

/** One period of an adoption curve. */
export type CurvePeriod = {
  __typename?: 'CurvePeriod';
  /** Regencies whose first adoption in scope reached the stage in this period. */
  adopters: Scalars['Int']['output'];
  /** Adoptions that first reached the stage in this period. */
  adoptions: Scalars['Int']['output'];
  /** Regencies that had an adoption in scope at the stage by the end of this period. */
  cumulativeAdopters: Scalars['Int']['output'];
  /** Adoptions that had reached the stage by the end of this period (the S-curve). */
  cumulativeAdoptions: Scalars['Int']['output'];
  /** The period's first day. */
  from: Scalars['Date']['output'];
  /** The period's label: 2019, 2019-Q1 or 2019-02. */
  period: Scalars['String']['output'];
  /** The period's last day. */
  to: Scalars['Date']['output'];
};

/** An inclusive range of calendar dates; either end may be left open. Instants compare in UTC. */
export type DateRange = {
  /** First day included; open when omitted. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Last day included; open when omitted. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** How one innovation spread: the funnel of stages, the provinces, and the days from study visit to each stage. */
export type Diffusion = {
  __typename?: 'Diffusion';
  /** Adoptions that reached at least one stage. */
  adoptions: Scalars['Int']['output'];
  /** Per stage: adoptions that reached it and adoptions standing at it. */
  funnel: Array<StageCount>;
  /** The innovation. */
  innovation: Innovation;
  /** Adopting regencies per province. */
  provinces: Array<ProvinceCount>;
  /** Per stage after STUDIED: days from the first study visit to reaching it. */
  studyToStage: Array<StageDuration>;
};

/** Who learned from whom: regencies as nodes, study visits and adoptions as edges. */
export type DiffusionNetwork = {
  __typename?: 'DiffusionNetwork';
  /** Study-visit edges by date, then adoption edges by date. */
  edges: Array<NetworkEdge>;
  /** Every regency at either end of an edge, in code order. */
  nodes: Array<NetworkNode>;
};

/** A regency the report names, with the role the report gives it. */
export type DraftRegency = {
  __typename?: 'DraftRegency';
  /** 0..1: how sure the reading is. */
  confidence: Scalars['Float']['output'];
  /** The regency, matched against the official names. */
  regency: Regency;
  /** Host, visitor, or only mentioned. */
  role: DraftRole;
  /** The spans of the report it was read from. */
  sources: Array<SourceSpan>;
};

/** The part a regency plays in the report. */
export type DraftRole =
  /** where the visit takes place */
  | 'HOST'
  /** named, with no role in a visit */
  | 'MENTIONED'
  /** a regency that visits */
  | 'VISITOR';

/** Details of an EVALUATED milestone. */
export type EvaluationDetails = {
  __typename?: 'EvaluationDetails';
  /** What the evaluation found. */
  outcome: Scalars['String']['output'];
};

/** Details of an EVALUATED milestone. */
export type EvaluationDetailsInput = {
  /** What the evaluation found. */
  outcome: Scalars['String']['input'];
};

/** A page of events from the log, oldest first. */
export type EventPage = {
  __typename?: 'EventPage';
  /** The events, oldest first. */
  nodes: Array<AuditEvent>;
  /** Pass endCursor as `after` for the next page. */
  pageInfo: PageInfo;
};

/** Supporting evidence (data dukung): a document, regulation, news report or photo. */
export type Evidence = {
  __typename?: 'Evidence';
  /** What the evidence is. */
  kind: EvidenceKind;
  /** A reference such as a regulation or document number. */
  reference?: Maybe<Scalars['String']['output']>;
  /** Its title. */
  title: Scalars['String']['output'];
  /** Where it can be read (http or https). */
  url?: Maybe<Scalars['String']['output']>;
};

/** Supporting evidence (data dukung): give a URL (http or https), a reference, or both. */
export type EvidenceInput = {
  /** What the evidence is. */
  kind: EvidenceKind;
  /** A reference such as a regulation or document number. */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** Its title. */
  title: Scalars['String']['input'];
  /** Where it can be read; http or https only. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** What a piece of evidence is. */
export type EvidenceKind =
  /** a document (report, letter, minutes) */
  | 'DOCUMENT'
  /** a news report */
  | 'NEWS'
  /** anything else */
  | 'OTHER'
  /** a photograph */
  | 'PHOTO'
  /** a regulation (Perda, Perbup, SK) */
  | 'REGULATION';

/**
 * Which milestones and adoptions a figure, ranking or curve counts. Retracted milestones never
 * count. All conditions hold together.
 */
export type FigureFilter = {
  /** Only adoptions of innovations of this category. */
  category?: InputMaybe<InnovationCategory>;
  /** Only adoptions whose replication mode (the mode of their latest milestone that names one) is this. */
  mode?: InputMaybe<ReplicationMode>;
  /** Only milestones that occurred within this inclusive range count. */
  period?: InputMaybe<DateRange>;
  /** Only adoptions by regencies of this province (two-digit Kemendagri code, e.g. 16). */
  provinceCode?: InputMaybe<Scalars['ID']['input']>;
  /** By the ministry's verdict; EXCLUDE_REJECTED when omitted. */
  verification?: InputMaybe<VerificationFilter>;
};

/** A public-service innovation, registered for the regency it originates from. */
export type Innovation = {
  __typename?: 'Innovation';
  /** Its adoptions; at the innovation's own time point when it was listed with knownAt. */
  adoptions: Array<Adoption>;
  /** The field it belongs to. */
  category: InnovationCategory;
  /** What it does, in a sentence or two. */
  description?: Maybe<Scalars['String']['output']>;
  /** How this innovation spread: funnel, provinces, time from study visit to each stage. */
  diffusion: Diffusion;
  /** True for a digital (online) innovation. */
  digital: Scalars['Boolean']['output'];
  /** Evidence of the innovation itself (its launch, its regulation). */
  evidence: Array<Evidence>;
  /** A stable slug, e.g. banyuwangi-mal-pelayanan-publik. */
  id: Scalars['ID']['output'];
  /** When the origin launched it, where known to the day. */
  launchedOn?: Maybe<Scalars['Date']['output']>;
  /** Its name, e.g. Mal Pelayanan Publik. */
  name: Scalars['String']['output'];
  /** The regency it originates from. */
  origin: Regency;
  /** When it was registered in replika. */
  registeredAt: Scalars['DateTime']['output'];
};


/** A public-service innovation, registered for the regency it originates from. */
export type InnovationAdoptionsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
  minStage?: InputMaybe<AdoptionStage>;
};


/** A public-service innovation, registered for the regency it originates from. */
export type InnovationDiffusionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
  window?: InputMaybe<DateRange>;
};

/** The field an innovation belongs to. */
export type InnovationCategory =
  /** tata kelola pemerintahan */
  | 'GOVERNANCE'
  /** lainnya */
  | 'OTHER'
  /** pelayanan publik */
  | 'PUBLIC_SERVICE';

/** An innovation's place in the ranking of innovations by adopters. */
export type InnovationRank = {
  __typename?: 'InnovationRank';
  /** Adopting regencies whose adoption of it reached the stage asked for. */
  count: Scalars['Int']['output'];
  /** The innovation. */
  innovation: Innovation;
  /** 1 for the most; equal counts share a rank (1, 2, 2, 4). */
  rank: Scalars['Int']['output'];
};

/** Who a new access token speaks for. */
export type IssueAccessTokenInput = {
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Who holds it, e.g. "Bagian Organisasi Setda Lahat". */
  label?: InputMaybe<Scalars['String']['input']>;
  /** The regency a REGENCY token speaks for; omitted for ANALYST and ADMIN. */
  regencyCode?: InputMaybe<Scalars['ID']['input']>;
  /** What the token may do. */
  role: Role;
};

/** A newly issued access token: the secret, shown once, and its grant. */
export type IssuedAccessToken = {
  __typename?: 'IssuedAccessToken';
  /** The grant, as listed in accessTokens. */
  accessToken: AccessToken;
  /** The secret, shown this once. Null when a retry with the same idempotencyKey answers. */
  token?: Maybe<Scalars['String']['output']>;
};

/** Details of a SERVICE_LAUNCHED milestone. */
export type LaunchDetails = {
  __typename?: 'LaunchDetails';
  /** Who inaugurated the service (peresmian). */
  inauguratedBy: Scalars['String']['output'];
};

/** Details of a SERVICE_LAUNCHED milestone. */
export type LaunchDetailsInput = {
  /** Who inaugurated the service (peresmian). */
  inauguratedBy: Scalars['String']['input'];
};

/** Kemendagri's innovation maturity scale. */
export type Maturity =
  /** up to FUNDED */
  | 'INISIATIF'
  /** OPERATIONAL */
  | 'PENERAPAN'
  /** PILOTING */
  | 'UJI_COBA';

/** One reported step of an adoption. Never edited: a wrong report is retracted and stays in the history. */
export type Milestone = {
  __typename?: 'Milestone';
  /** Details of its kind (the MoU, the regulation, the budget line, …), when reported. */
  details?: Maybe<MilestoneDetails>;
  /** Supporting evidence (data dukung). */
  evidence: Array<Evidence>;
  /** Its id; a STUDY_VISIT milestone's is <visitId>:<innovationId>. */
  id: Scalars['ID']['output'];
  /** What it reports. */
  kind: MilestoneKind;
  /**
   * When the ministry knew of it: the start (UTC) of the day an import says it originally learned
   * of it (history from before replika), otherwise `recordedAt`. `knownAt` time travel counts by it.
   */
  knownAt: Scalars['DateTime']['output'];
  /** How the adopter replicates the innovation. */
  mode?: Maybe<ReplicationMode>;
  /** Free text from the reporter. */
  note?: Maybe<Scalars['String']['output']>;
  /** When it happened. */
  occurredOn: Scalars['Date']['output'];
  /** When it was reported. */
  recordedAt: Scalars['DateTime']['output'];
  /** Who reported it. */
  reportedBy?: Maybe<Scalars['String']['output']>;
  /** True once retracted: it stays in the history but no longer counts. */
  retracted: Scalars['Boolean']['output'];
  /** When it was retracted. */
  retractedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it was retracted. */
  retractionReason?: Maybe<Scalars['String']['output']>;
  /** The study visit this STUDY_VISIT milestone comes from. */
  studyVisit?: Maybe<StudyVisit>;
  /** The ministry's latest verdict. */
  verification: Verification;
  /** The analyst's note on a verification, or the reason for a rejection. */
  verificationNote?: Maybe<Scalars['String']['output']>;
  /** When the latest verdict was given. */
  verifiedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** What happened to a milestone, as the live feed tells it. */
export type MilestoneChange =
  /** Evidence was added to it. */
  | 'EVIDENCE_ADDED'
  /** The ministry rejected it. */
  | 'REJECTED'
  /** It was reported (directly or as a study visit's milestone). */
  | 'REPORTED'
  /** It was retracted (directly or with its study visit). */
  | 'RETRACTED'
  /** The ministry verified it. */
  | 'VERIFIED';

/** Details of a milestone: the one field matching its kind is set. */
export type MilestoneDetails = {
  __typename?: 'MilestoneDetails';
  /** Set for AGREEMENT_SIGNED. */
  agreement?: Maybe<AgreementDetails>;
  /** Set for BUDGET_ALLOCATED. */
  budget?: Maybe<BudgetDetails>;
  /** Set for EVALUATED. */
  evaluation?: Maybe<EvaluationDetails>;
  /** Set for SERVICE_LAUNCHED. */
  launch?: Maybe<LaunchDetails>;
  /** Set for PILOT_STARTED. */
  pilot?: Maybe<PilotDetails>;
  /** Set for REGULATION_ENACTED. */
  regulation?: Maybe<RegulationDetails>;
  /** Set for SUSPENDED. */
  suspension?: Maybe<SuspensionDetails>;
};

/** Set only the field of the milestone's kind; another one is refused. */
export type MilestoneDetailsInput = {
  /** Only for AGREEMENT_SIGNED. */
  agreement?: InputMaybe<AgreementDetailsInput>;
  /** Only for BUDGET_ALLOCATED. */
  budget?: InputMaybe<BudgetDetailsInput>;
  /** Only for EVALUATED. */
  evaluation?: InputMaybe<EvaluationDetailsInput>;
  /** Only for SERVICE_LAUNCHED. */
  launch?: InputMaybe<LaunchDetailsInput>;
  /** Only for PILOT_STARTED. */
  pilot?: InputMaybe<PilotDetailsInput>;
  /** Only for REGULATION_ENACTED. */
  regulation?: InputMaybe<RegulationDetailsInput>;
  /** Only for SUSPENDED. */
  suspension?: InputMaybe<SuspensionDetailsInput>;
};

/** The input of `reportMilestone` as drafted. */
export type MilestoneDraft = {
  __typename?: 'MilestoneDraft';
  /** The regency that declared its interest. */
  adopterCode: Scalars['ID']['output'];
  /** The report itself, as NEWS evidence. */
  evidence: Array<Evidence>;
  /** The innovation it is interested in. */
  innovationId: Scalars['ID']['output'];
  /** INTEREST_DECLARED. */
  kind: MilestoneKind;
  /** The stated intention, in the report's words. */
  note?: Maybe<Scalars['String']['output']>;
  /** When the interest was stated. */
  occurredOn: Scalars['Date']['output'];
};

/** What a milestone reports, in stage order, with the Indonesian term officials use. */
export type MilestoneKind =
  /** nota kesepahaman (MoU) / perjanjian kerja sama (PKS): reaches AGREED */
  | 'AGREEMENT_SIGNED'
  /** alokasi APBD: reaches FUNDED */
  | 'BUDGET_ALLOCATED'
  /** evaluasi: keeps the stage */
  | 'EVALUATED'
  /** pernyataan minat: reaches INTERESTED */
  | 'INTEREST_DECLARED'
  /** uji coba: reaches PILOTING */
  | 'PILOT_STARTED'
  /** Peraturan Bupati / Wali Kota, SK: reaches REGULATED */
  | 'REGULATION_ENACTED'
  /** berlanjut: ends a suspension */
  | 'RESUMED'
  /** peluncuran / peresmian: reaches OPERATIONAL */
  | 'SERVICE_LAUNCHED'
  /** studi tiru / kunjungan kerja: reaches STUDIED (reported with reportStudyVisit) */
  | 'STUDY_VISIT'
  /** vakum: sets the adoption's suspended flag, keeps the stage */
  | 'SUSPENDED';

/** A milestone just projected: reported directly or through a study visit. */
export type MilestoneNotice = {
  __typename?: 'MilestoneNotice';
  /** The adoption as the read model holds it now. */
  adoption?: Maybe<Adoption>;
  /** What happened: REPORTED on milestoneReported; any change on milestoneChanged. */
  change: MilestoneChange;
  /** The milestone. */
  milestone: Milestone;
  /** Log position of the event that reported it. */
  position: Scalars['String']['output'];
};

/** A proposed INTEREST_DECLARED milestone read from a news report, for a person to confirm. */
export type MilestoneProposal = {
  __typename?: 'MilestoneProposal';
  /** 0..1, the weakest of the facts the input rests on. */
  confidence: Scalars['Float']['output'];
  /** The input for reportMilestone, as drafted. */
  input: MilestoneDraft;
  /** Required input fields the report does not give. */
  missing: Array<Scalars['String']['output']>;
  /** The spans of the report the input rests on. */
  sources: Array<SourceSpan>;
};

/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds evidence (data dukung) to a milestone that is not retracted: by the adopting regency's
   * token, an ANALYST or an ADMIN. Only a milestone with evidence can be verified.
   */
  addEvidence: Milestone;
  /** Issues an access token (ADMIN); the answer holds the token, shown once. */
  issueAccessToken: IssuedAccessToken;
  /** Registers an innovation of an origin regency. */
  registerInnovation: Innovation;
  /** Rejects a milestone with a reason (ANALYST or ADMIN). */
  rejectMilestone: Milestone;
  /** Reports an adoption milestone of the adopter regency. */
  reportMilestone: Adoption;
  /** Reports a study visit; it counts as the STUDY_VISIT milestone of every innovation studied. */
  reportStudyVisit: StudyVisit;
  /** Retracts a wrong milestone report; it stays in the history but no longer counts. */
  retractMilestone: Adoption;
  /** Retracts a wrong study visit report, and with it the STUDY_VISIT milestones it stood for. */
  retractStudyVisit: StudyVisit;
  /** Revokes an access token (ADMIN); it stops working at once. */
  revokeAccessToken: AccessToken;
  /** Marks a milestone verified against its evidence (ANALYST or ADMIN). */
  verifyMilestone: Milestone;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationAddEvidenceArgs = {
  input: AddEvidenceInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationIssueAccessTokenArgs = {
  input: IssueAccessTokenInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationRegisterInnovationArgs = {
  input: RegisterInnovationInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationRejectMilestoneArgs = {
  input: RejectMilestoneInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationReportMilestoneArgs = {
  input: ReportMilestoneInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationReportStudyVisitArgs = {
  input: ReportStudyVisitInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationRetractMilestoneArgs = {
  input: RetractMilestoneInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationRetractStudyVisitArgs = {
  input: RetractStudyVisitInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationRevokeAccessTokenArgs = {
  input: RevokeAccessTokenInput;
};


/**
 * Every mutation answers once the local read model holds what it wrote; the response's
 * `extensions.replika.position` (and header `X-Replika-Position`) is the log position it wrote.
 */
export type MutationVerifyMilestoneArgs = {
  input: VerifyMilestoneInput;
};

/** One edge of the diffusion network: who learned from whom. */
export type NetworkEdge = {
  __typename?: 'NetworkEdge';
  /** The visit's first day, or the adoption's first milestone that counts. */
  date: Scalars['Date']['output'];
  /** Code of the host (STUDY_VISIT) or origin (ADOPTION). */
  from: Scalars['ID']['output'];
  /** The innovations studied on the visit (those in scope), or the one adopted. */
  innovations: Array<Innovation>;
  /** A study visit or an adoption. */
  kind: NetworkEdgeKind;
  /** The adoption's stage, counting only milestones the filter keeps (ADOPTION edges). */
  stage?: Maybe<AdoptionStage>;
  /** The study visit (STUDY_VISIT edges). */
  studyVisit?: Maybe<StudyVisit>;
  /** Code of the visitor (STUDY_VISIT) or adopter (ADOPTION). */
  to: Scalars['ID']['output'];
};

/** What an edge of the diffusion network stands for. */
export type NetworkEdgeKind =
  /** An adoption: from the innovation's origin to the adopter. */
  | 'ADOPTION'
  /** A study visit: from the host to the visiting regency. */
  | 'STUDY_VISIT';

/** A regency in a diffusion network. */
export type NetworkNode = {
  __typename?: 'NetworkNode';
  /** Its Kemendagri code. */
  code: Scalars['ID']['output'];
  /** Its province. */
  province: Province;
  /** The regency. */
  regency: Regency;
};

/** How the innovations of one origin regency spread, together and per innovation. */
export type OriginDiffusion = {
  __typename?: 'OriginDiffusion';
  /** Distinct adopting regencies over all its innovations. */
  adopters: Scalars['Int']['output'];
  /** Adoptions of its innovations that reached at least one stage. */
  adoptions: Scalars['Int']['output'];
  /** Per stage, over all its innovations. */
  funnel: Array<StageCount>;
  /** Innovations it originated. */
  innovations: Scalars['Int']['output'];
  /** The origin regency. */
  origin: Regency;
  /** The same figures per innovation. */
  perInnovation: Array<Diffusion>;
  /** Adopting regencies per province. */
  provinces: Array<ProvinceCount>;
  /** Days from the first study visit to each stage, over all its innovations. */
  studyToStage: Array<StageDuration>;
};

/** Where a page ends and whether more follow. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Details of a PILOT_STARTED milestone. */
export type PilotDetails = {
  __typename?: 'PilotDetails';
  /** What the pilot covers (where, which services). */
  scope: Scalars['String']['output'];
};

/** Details of a PILOT_STARTED milestone. */
export type PilotDetailsInput = {
  /** What the pilot covers (where, which services). */
  scope: Scalars['String']['input'];
};

/** A province (provinsi) by its Kemendagri code, e.g. 35 for Jawa Timur. */
export type Province = {
  __typename?: 'Province';
  /** Kemendagri code, two digits. */
  code: Scalars['ID']['output'];
  /** Official name. */
  name: Scalars['String']['output'];
  /** Its kabupaten and kota. */
  regencies: Array<Regency>;
};

/** Adopting regencies in one province. */
export type ProvinceCount = {
  __typename?: 'ProvinceCount';
  /** Adopting regencies in this province. */
  adopters: Scalars['Int']['output'];
  /** The province. */
  province: Province;
};

/** A province's place in the ranking of provinces by adopting regencies. */
export type ProvinceRank = {
  __typename?: 'ProvinceRank';
  /** Adoptions by the province's regencies that reached the stage asked for. */
  adoptions: Scalars['Int']['output'];
  /** Regencies of the province with at least one adoption that reached the stage asked for. */
  count: Scalars['Int']['output'];
  /** The province. */
  province: Province;
  /** 1 for the most; equal counts share a rank (1, 2, 2, 4). */
  rank: Scalars['Int']['output'];
};

/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type Query = {
  __typename?: 'Query';
  /** Every access grant, secrets never included (ADMIN only). */
  accessTokens: Array<AccessToken>;
  /**
   * The cumulative adoption curve (S-curve) of one innovation, an origin's innovations, a
   * "A province by its Kemendagri code, e.g. 16."
   * province's adopters, or the whole country when no scope is given.
   */
  adoptionCurve: AdoptionCurve;
  /**
   * Adoptions that reached at least one stage, in (adopter, innovation) order unless sorted.
   * `asOf`: counting only milestones that occurred by that date (and are not retracted now);
   * `knownAt`: as reported by that instant (retractions recorded later do not count yet).
   */
  adoptions: AdoptionConnection;
  /**
   * Totals of the amounts of BUDGET_ALLOCATED milestones (alokasi APBD) that count, grouped by the
   * fields of `groupBy`, largest first. `filter.period` is on the milestone's date, `filter.mode`
   * on its adoption's replication mode; milestones without budget details (no amount) are left out.
   */
  budgetTotals: Array<BudgetTotal>;
  /**
   * Diffusion figures of one innovation (null when it is not registered). `window` counts only
   * milestones that occurred within it; `asOf` / `knownAt` answer at a point in time.
   */
  diffusion?: Maybe<Diffusion>;
  /**
   * Who learned from whom for one innovation or an origin's innovations (one of the two is
   * required): study visits host → visitor and adoptions origin → adopter.
   */
  diffusionNetwork: DiffusionNetwork;
  /**
   * Reads a news report (plain text, at most 20000 characters) and proposes the study visits and
   * interest milestones it describes, each with the spans of the text it was read from, the rule
   * that read it and a confidence. Relative dates ("Senin (25/2)") are read against `publishedOn`.
   * Writes nothing: confirm a proposal by sending its `input` (corrected as needed) to
   * `reportStudyVisit` or `reportMilestone`. Costs as much as a large query in the cost limit.
   */
  draftFromReport: ReportDraft;
  /**
   * The raw event log, oldest first: one stream's events (cursor = revision) or the whole log
   * (cursor = global position). Positions and revisions are strings (they may exceed 2^53).
   */
  events: EventPage;
  /** An innovation by its id. */
  innovation?: Maybe<Innovation>;
  /** Registered innovations, optionally filtered. */
  innovations: Array<Innovation>;
  /** Diffusion figures over every innovation an origin regency registered. */
  originDiffusion: OriginDiffusion;
  /** A province by its Kemendagri code, e.g. 16. */
  province?: Maybe<Province>;
  /** Every province (38). */
  provinces: Array<Province>;
  /** Every kabupaten/kota, or those of one province. */
  regencies: Array<Regency>;
  /** A kabupaten/kota by its Kemendagri code, e.g. 35.10. */
  regency?: Maybe<Regency>;
  /**
   * Innovations whose name (or origin's name) matches the words of `text`: case- and
   * accent-insensitive, each word matching a whole word or the start of one ("mal pel" finds
   * "Mal Pelayanan Publik", "mpp" finds "... (MPP)"), best matches first.
   */
  searchInnovations: Array<Innovation>;
  /** A study visit by its id. */
  studyVisit?: Maybe<StudyVisit>;
  /**
   * Study visits. `ledToNothingAfterMonths: N` keeps only visits that ended at least N months ago
   * and after which, within N months of their last day, the visiting regency reached no stage beyond
   * STUDIED in any innovation studied (no milestone that counts beyond STUDIED occurred from the
   * visit's first day to N months after its last).
   */
  studyVisits: Array<StudyVisit>;
  /**
   * Quartiles and medians of days from the first study visit (or first interest) to each later
   * stage, for an innovation, an origin, a province or the whole country when no scope is given.
   */
  timeToStage: TimeToStage;
  /** Adopting regencies ranked by how many of their adoptions reached `minStage` (ties by code). */
  topAdopters: Array<RegencyRank>;
  /** Innovations ranked by how many adopting regencies reached `minStage` (ties by id). */
  topInnovations: Array<InnovationRank>;
  /** Origin regencies ranked by how many adoptions of their innovations reached `minStage` (ties by code). */
  topOrigins: Array<RegencyRank>;
  /**
   * Provinces ranked by how many of their regencies have an adoption that reached `minStage`
   * (ties by code): the figure a map of adopters per province colours by.
   */
  topProvinces: Array<ProvinceRank>;
  /** Who the request's token speaks for (unauthenticated without one). */
  viewer: Viewer;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryAdoptionCurveArgs = {
  clock?: InputMaybe<Clock>;
  filter?: InputMaybe<FigureFilter>;
  innovationId?: InputMaybe<Scalars['ID']['input']>;
  interval?: InputMaybe<CurveInterval>;
  originCode?: InputMaybe<Scalars['ID']['input']>;
  provinceCode?: InputMaybe<Scalars['ID']['input']>;
  stage?: InputMaybe<AdoptionStage>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryAdoptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  filter?: InputMaybe<AdoptionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
  sort?: InputMaybe<AdoptionSort>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryBudgetTotalsArgs = {
  filter?: InputMaybe<FigureFilter>;
  fiscalYear?: InputMaybe<Scalars['Int']['input']>;
  groupBy?: Array<BudgetGrouping>;
  innovationId?: InputMaybe<Scalars['ID']['input']>;
  originCode?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryDiffusionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  innovationId: Scalars['ID']['input'];
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
  window?: InputMaybe<DateRange>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryDiffusionNetworkArgs = {
  filter?: InputMaybe<FigureFilter>;
  innovationId?: InputMaybe<Scalars['ID']['input']>;
  originCode?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryDraftFromReportArgs = {
  publishedOn: Scalars['Date']['input'];
  text: Scalars['String']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  stream?: InputMaybe<Scalars['String']['input']>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryInnovationArgs = {
  id: Scalars['ID']['input'];
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryInnovationsArgs = {
  category?: InputMaybe<InnovationCategory>;
  digital?: InputMaybe<Scalars['Boolean']['input']>;
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
  originCode?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryOriginDiffusionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
  originCode: Scalars['ID']['input'];
  window?: InputMaybe<DateRange>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryProvinceArgs = {
  code: Scalars['ID']['input'];
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryRegenciesArgs = {
  provinceCode?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryRegencyArgs = {
  code: Scalars['ID']['input'];
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QuerySearchInnovationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryStudyVisitArgs = {
  id: Scalars['ID']['input'];
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryStudyVisitsArgs = {
  hostCode?: InputMaybe<Scalars['ID']['input']>;
  ledToNothingAfterMonths?: InputMaybe<Scalars['Int']['input']>;
  visitorCode?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryTimeToStageArgs = {
  filter?: InputMaybe<FigureFilter>;
  from?: InputMaybe<TimeToStageStart>;
  innovationId?: InputMaybe<Scalars['ID']['input']>;
  originCode?: InputMaybe<Scalars['ID']['input']>;
  provinceCode?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryTopAdoptersArgs = {
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  minStage?: InputMaybe<AdoptionStage>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryTopInnovationsArgs = {
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  minStage?: InputMaybe<AdoptionStage>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryTopOriginsArgs = {
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  minStage?: InputMaybe<AdoptionStage>;
};


/** Reads, answered from the read model (the audit trail from the event log). Open unless the server requires a token for reads. */
export type QueryTopProvincesArgs = {
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  minStage?: InputMaybe<AdoptionStage>;
};

/** A kabupaten or kota by its Kemendagri code (Kepmendagri 2025), with its official name. */
export type Regency = {
  __typename?: 'Regency';
  /** This regency's adoptions of other regencies' innovations. */
  adoptions: Array<Adoption>;
  /** Kemendagri code, e.g. 35.10. */
  code: Scalars['ID']['output'];
  /** Diffusion figures over the innovations this regency originated. */
  diffusion: OriginDiffusion;
  /** Innovations this regency originated. */
  innovations: Array<Innovation>;
  /** Official name, e.g. Kabupaten Banyuwangi. */
  name: Scalars['String']['output'];
  /** The province it belongs to. */
  province: Province;
  /** Study visits this regency hosted. */
  studyVisitsHosted: Array<StudyVisit>;
  /** Study visits this regency made to others. */
  studyVisitsMade: Array<StudyVisit>;
};


/** A kabupaten or kota by its Kemendagri code (Kepmendagri 2025), with its official name. */
export type RegencyAdoptionsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A kabupaten or kota by its Kemendagri code (Kepmendagri 2025), with its official name. */
export type RegencyDiffusionArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
  window?: InputMaybe<DateRange>;
};

/** A regency's place in a ranking of regencies (as adopter or as origin). */
export type RegencyRank = {
  __typename?: 'RegencyRank';
  /**
   * Adoptions that reached the stage asked for: the regency's own adoptions (topAdopters) or the
   * adoptions of its innovations by others (topOrigins).
   */
  count: Scalars['Int']['output'];
  /** 1 for the most; equal counts share a rank (1, 2, 2, 4). */
  rank: Scalars['Int']['output'];
  /** The regency. */
  regency: Regency;
};

/** An innovation to register (ADMIN). */
export type RegisterInnovationInput = {
  /** The field it belongs to. */
  category?: InputMaybe<InnovationCategory>;
  /** What it does. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** True for a digital (online) innovation. */
  digital?: InputMaybe<Scalars['Boolean']['input']>;
  /** Evidence of the innovation itself. */
  evidence?: InputMaybe<Array<EvidenceInput>>;
  /** Optional slug; derived from the origin and name when omitted. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** When the origin launched it; not in the future. */
  launchedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Its name. */
  name: Scalars['String']['input'];
  /** The regency it originates from. */
  originCode: Scalars['ID']['input'];
};

/** Details of a REGULATION_ENACTED milestone: the legal instrument. */
export type RegulationDetails = {
  __typename?: 'RegulationDetails';
  /** The kind of instrument. */
  instrument: RegulationInstrument;
  /** Its number, e.g. 12/2024. */
  number: Scalars['String']['output'];
  /** Its title. */
  title?: Maybe<Scalars['String']['output']>;
};

/** Details of a REGULATION_ENACTED milestone: the legal instrument. */
export type RegulationDetailsInput = {
  /** The kind of instrument. */
  instrument: RegulationInstrument;
  /** Its number, e.g. 12/2024. */
  number: Scalars['String']['input'];
  /** Its title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The kind of legal instrument enacted. */
export type RegulationInstrument =
  /** Keputusan Bupati / Wali Kota (SK) */
  | 'KEPUTUSAN_KEPALA_DAERAH'
  /** another instrument */
  | 'OTHER'
  /** Peraturan Bupati */
  | 'PERATURAN_BUPATI'
  /** Peraturan Daerah */
  | 'PERATURAN_DAERAH'
  /** Peraturan Wali Kota */
  | 'PERATURAN_WALI_KOTA'
  /** Surat Edaran */
  | 'SURAT_EDARAN';

/** A milestone to reject, and why (ANALYST or ADMIN). */
export type RejectMilestoneInput = {
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The milestone. */
  milestoneId: Scalars['ID']['input'];
  /** Why it is rejected. */
  reason: Scalars['String']['input'];
};

/** How the adopter replicates: as is (adopsi), adapted (adaptasi) or modified (modifikasi). */
export type ReplicationMode =
  /** adaptasi: adapted to local conditions */
  | 'ADAPTATION'
  /** adopsi: taken over as is */
  | 'ADOPTION'
  /** modifikasi: changed in substance */
  | 'MODIFICATION';

/** What a news report describes, as proposals for a person to confirm, correct or drop. */
export type ReportDraft = {
  __typename?: 'ReportDraft';
  /** The report itself as evidence (kind NEWS), the same in every proposal. */
  evidence: Evidence;
  /** Proposed INTEREST_DECLARED milestones, from stated intentions. */
  milestones: Array<MilestoneProposal>;
  /** The publication date the dates were read against. */
  publishedOn: Scalars['Date']['output'];
  /** The regencies the report names, with the role it gives them. */
  regencies: Array<DraftRegency>;
  /** Proposed study visits. */
  studyVisits: Array<StudyVisitProposal>;
  /** What was noticed but not proposed (an ambiguous name, an innovation of another origin). */
  warnings: Array<Scalars['String']['output']>;
};

/** A milestone of the adopter regency's adoption of an innovation. STUDY_VISIT is reported with reportStudyVisit instead. */
export type ReportMilestoneInput = {
  /** The adopting regency (a REGENCY token may report only its own). */
  adopterCode: Scalars['ID']['input'];
  /** Details of the milestone's kind, under the kind's key (agreement for AGREEMENT_SIGNED, …). */
  details?: InputMaybe<MilestoneDetailsInput>;
  /** Supporting evidence (data dukung). */
  evidence?: InputMaybe<Array<EvidenceInput>>;
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The innovation adopted; not one the adopter originated. */
  innovationId: Scalars['ID']['input'];
  /** What happened; not STUDY_VISIT. */
  kind: MilestoneKind;
  /** The day the ministry originally learned of it, for history from before replika (ADMIN only; from occurredOn to today). */
  knownOn?: InputMaybe<Scalars['Date']['input']>;
  /** How the innovation is replicated. */
  mode?: InputMaybe<ReplicationMode>;
  /** Free text. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** When it happened; not in the future. */
  occurredOn: Scalars['Date']['input'];
};

/** A study visit (studi tiru) of the visitor regency to the host, reported once for every innovation studied. */
export type ReportStudyVisitInput = {
  /** How many officials travelled. */
  delegationSize: Scalars['Int']['input'];
  /** Last day, on or after startDate. */
  endDate: Scalars['Date']['input'];
  /** Supporting evidence (data dukung). */
  evidence?: InputMaybe<Array<EvidenceInput>>;
  /** The regency visited. */
  hostCode: Scalars['ID']['input'];
  /** Optional UUID; generated when omitted. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The innovations studied, each the host's or another registered one. */
  innovationIds: Array<Scalars['ID']['input']>;
  /** The day the ministry originally learned of the visit, for history from before replika (ADMIN only; from startDate to today). */
  knownOn?: InputMaybe<Scalars['Date']['input']>;
  /** Who led the delegation, e.g. Bupati Lahat. */
  leader: Scalars['String']['input'];
  /** Free text. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Places visited. */
  sites?: InputMaybe<Array<VisitedSiteInput>>;
  /** First day; not in the future. */
  startDate: Scalars['Date']['input'];
  /** The visiting regency (a REGENCY token may report only its own). */
  visitorCode: Scalars['ID']['input'];
};

/** A milestone report to take back, and why. */
export type RetractMilestoneInput = {
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The milestone. */
  milestoneId: Scalars['ID']['input'];
  /** Why it is taken back. */
  reason: Scalars['String']['input'];
};

/** A study visit report to take back, and why. */
export type RetractStudyVisitInput = {
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why it is taken back. */
  reason: Scalars['String']['input'];
  /** The visit. */
  visitId: Scalars['ID']['input'];
};

/** An access token to revoke (ADMIN). */
export type RevokeAccessTokenInput = {
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why it is revoked. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The grant's id (AccessToken.id). */
  tokenId: Scalars['ID']['input'];
};

/** Who a token speaks for: a regency (only for itself), a ministry analyst, or an admin. */
export type Role =
  /** everything, including registering innovations and issuing tokens */
  | 'ADMIN'
  /** verifies and rejects milestones */
  | 'ANALYST'
  /** reports and retracts the milestones and study visits of its own regency */
  | 'REGENCY';

/** Ascending or descending. */
export type SortDirection =
  /** ascending */
  | 'ASC'
  /** descending */
  | 'DESC';

/** A piece of the report a proposal rests on. */
export type SourceSpan = {
  __typename?: 'SourceSpan';
  /** 0..1: how sure the reading is. */
  confidence: Scalars['Float']['output'];
  /** Offset just after the span. */
  end: Scalars['Int']['output'];
  /** The input field it supports, e.g. hostCode, startDate, delegationSize, innovationIds. */
  field: Scalars['String']['output'];
  /** The rule that read it, in words. */
  reason: Scalars['String']['output'];
  /** Offsets in `text` (UTF-16 code units, as JavaScript indexes strings); end exclusive. */
  start: Scalars['Int']['output'];
  /** The words of the span. */
  text: Scalars['String']['output'];
};

/** A stage the visiting regency first reached after a study visit. */
export type StageAfterVisit = {
  __typename?: 'StageAfterVisit';
  /** Days from the visit's first day. */
  days: Scalars['Int']['output'];
  /** When the first milestone reaching this stage (or a later one) after the visit occurred. */
  occurredOn: Scalars['Date']['output'];
  /** The stage reached. */
  stage: AdoptionStage;
};

/** How many adoptions reached a stage (the funnel) and how many stand at it now. */
export type StageCount = {
  __typename?: 'StageCount';
  /** Adoptions whose furthest stage is this one. */
  current: Scalars['Int']['output'];
  /** Adoptions that reached this stage or a later one. */
  reached: Scalars['Int']['output'];
  /** The stage. */
  stage: AdoptionStage;
};

/**
 * Days from an adoption's first study visit to the first milestone reaching this stage (or a later
 * one), over the adoptions that had a study visit and reached the stage on or after it. Percentiles
 * interpolate linearly between ranks (median of 10 and 20 is 15).
 */
export type StageDuration = {
  __typename?: 'StageDuration';
  /** Adoptions counted. */
  adoptions: Scalars['Int']['output'];
  /** Median days; null without adoptions. */
  medianDays?: Maybe<Scalars['Float']['output']>;
  /** 75th percentile of the days; null without adoptions. */
  p75Days?: Maybe<Scalars['Float']['output']>;
  /** The stage reached. */
  stage: AdoptionStage;
};

/**
 * Days from the start (first study visit or first interest) to the first milestone reaching a stage
 * or a later one, over the adoptions that had the start and reached the stage on or after it.
 * Quartiles interpolate linearly between ranks (the median of 10 and 20 is 15).
 */
export type StageTiming = {
  __typename?: 'StageTiming';
  /** Adoptions measured. */
  adoptions: Scalars['Int']['output'];
  /** Most days. */
  maxDays?: Maybe<Scalars['Float']['output']>;
  /** Median days. */
  medianDays?: Maybe<Scalars['Float']['output']>;
  /** The median in months of 30.4375 days (a year is 12 of them), to one decimal. */
  medianMonths?: Maybe<Scalars['Float']['output']>;
  /** Fewest days. */
  minDays?: Maybe<Scalars['Float']['output']>;
  /** First quartile (25th percentile) of days. */
  q1Days?: Maybe<Scalars['Float']['output']>;
  /** Third quartile (75th percentile) of days. */
  q3Days?: Maybe<Scalars['Float']['output']>;
  /** The stage reached. */
  stage: AdoptionStage;
};

/** A study visit (studi tiru / kunjungan kerja) of a visitor regency to a host regency. */
export type StudyVisit = {
  __typename?: 'StudyVisit';
  /** How many officials travelled. */
  delegationSize: Scalars['Int']['output'];
  /** Last day. */
  endDate: Scalars['Date']['output'];
  /** Supporting evidence (data dukung). */
  evidence: Array<Evidence>;
  /** The regency visited. */
  host: Regency;
  /** Its id. */
  id: Scalars['ID']['output'];
  /** The innovations studied. */
  innovations: Array<Innovation>;
  /** Who led the delegation. */
  leader: Scalars['String']['output'];
  /** Free text. */
  note?: Maybe<Scalars['String']['output']>;
  /** Per innovation studied: the visiting regency's stage now and the stages it reached after the visit. */
  outcomes: Array<VisitOutcome>;
  /** When it was reported. */
  recordedAt: Scalars['DateTime']['output'];
  /** True once retracted: its STUDY_VISIT milestones no longer count. */
  retracted: Scalars['Boolean']['output'];
  /** Places visited. */
  sites: Array<VisitedSite>;
  /** First day. */
  startDate: Scalars['Date']['output'];
  /** The visiting regency. */
  visitor: Regency;
};

/** The input of `reportStudyVisit` as drafted; what the report does not say is null. */
export type StudyVisitDraft = {
  __typename?: 'StudyVisitDraft';
  /** How many officials travelled, when the report says. */
  delegationSize?: Maybe<Scalars['Int']['output']>;
  /** Last day. */
  endDate: Scalars['Date']['output'];
  /** The report itself, as NEWS evidence. */
  evidence: Array<Evidence>;
  /** The regency visited. */
  hostCode: Scalars['ID']['output'];
  /** The registered innovations the report says were studied. */
  innovationIds: Array<Scalars['ID']['output']>;
  /** Who led the delegation, when the report says. */
  leader?: Maybe<Scalars['String']['output']>;
  /** A note on what was studied. */
  note?: Maybe<Scalars['String']['output']>;
  /** Places visited, with village codes where matched. */
  sites: Array<VisitedSite>;
  /** First day. */
  startDate: Scalars['Date']['output'];
  /** The visiting regency. */
  visitorCode: Scalars['ID']['output'];
};

/** A proposed study visit read from a news report, for a person to confirm. */
export type StudyVisitProposal = {
  __typename?: 'StudyVisitProposal';
  /** 0..1, the weakest of the facts the input rests on. */
  confidence: Scalars['Float']['output'];
  /** The input for reportStudyVisit, as drafted. */
  input: StudyVisitDraft;
  /** Required input fields the report does not give: fill them in before confirming. */
  missing: Array<Scalars['String']['output']>;
  /** The spans of the report the input rests on. */
  sources: Array<SourceSpan>;
};

/** Live notices over server-sent events (POST with Accept: text/event-stream). */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every change to milestones as the read model takes it in (server-sent events): reports,
   * verdicts, retractions and added evidence, optionally of one origin and/or adopter and of
   * some kinds of change.
   */
  milestoneChanged: MilestoneNotice;
  /** Milestones as they are reported (server-sent events), optionally of one origin and/or adopter. */
  milestoneReported: MilestoneNotice;
};


/** Live notices over server-sent events (POST with Accept: text/event-stream). */
export type SubscriptionMilestoneChangedArgs = {
  adopterCode?: InputMaybe<Scalars['ID']['input']>;
  changes?: InputMaybe<Array<MilestoneChange>>;
  originCode?: InputMaybe<Scalars['ID']['input']>;
};


/** Live notices over server-sent events (POST with Accept: text/event-stream). */
export type SubscriptionMilestoneReportedArgs = {
  adopterCode?: InputMaybe<Scalars['ID']['input']>;
  originCode?: InputMaybe<Scalars['ID']['input']>;
};

/** Details of a SUSPENDED milestone. */
export type SuspensionDetails = {
  __typename?: 'SuspensionDetails';
  /** Why the adoption is suspended (vakum). */
  reason: Scalars['String']['output'];
};

/** Details of a SUSPENDED milestone. */
export type SuspensionDetailsInput = {
  /** Why the adoption is suspended (vakum). */
  reason: Scalars['String']['input'];
};

/** Time to each stage for the adoptions in scope. */
export type TimeToStage = {
  __typename?: 'TimeToStage';
  /** Adoptions in scope that had the start. */
  adoptions: Scalars['Int']['output'];
  /** Where days are counted from. */
  from: TimeToStageStart;
  /** One entry per stage after the start, in stage order. */
  stages: Array<StageTiming>;
};

/** Where the days to a stage are counted from. */
export type TimeToStageStart =
  /** The adoption's first declared interest. */
  | 'FIRST_INTEREST'
  /** The adoption's first study visit. */
  | 'STUDY_VISIT';

/** The ministry's verdict on a milestone. */
export type Verification =
  /** rejected by the ministry (it still counts until retracted) */
  | 'REJECTED'
  /** not judged yet */
  | 'UNVERIFIED'
  /** verified against its evidence */
  | 'VERIFIED';

/** Which milestones a figure counts, by the ministry's current verdict on them. */
export type VerificationFilter =
  /** Every milestone that is not retracted, rejected ones included. */
  | 'ANY'
  /** Every milestone that is not retracted, except the ones the ministry rejected (the default). */
  | 'EXCLUDE_REJECTED'
  /** Only milestones the ministry verified. */
  | 'VERIFIED_ONLY';

/** A milestone to mark verified against its evidence (ANALYST or ADMIN). */
export type VerifyMilestoneInput = {
  /** Makes a retry safe: the same key with the same input answers the first result and writes nothing; with other input it answers CONFLICT. Keys are per token. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The milestone. */
  milestoneId: Scalars['ID']['input'];
  /** What was checked. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Who the request's token speaks for. */
export type Viewer = {
  __typename?: 'Viewer';
  /** True when the request carried a valid token. */
  authenticated: Scalars['Boolean']['output'];
  /** The regency a REGENCY token speaks for. */
  regency?: Maybe<Regency>;
  /** The token's role; null without a valid token. */
  role?: Maybe<Role>;
};

/** What became of one innovation a study visit studied, for the visiting regency. */
export type VisitOutcome = {
  __typename?: 'VisitOutcome';
  /** The innovation studied. */
  innovation: Innovation;
  /** The stages beyond STUDIED reached by milestones that occurred on or after the visit's first day, in stage order. */
  reached: Array<StageAfterVisit>;
  /** The visiting regency's stage in this innovation now; null when nothing counts any more. */
  stage?: Maybe<AdoptionStage>;
  /** True while the adoption is suspended (vakum). */
  suspended: Scalars['Boolean']['output'];
};

/** A place the delegation visited. */
export type VisitedSite = {
  __typename?: 'VisitedSite';
  /** What the place is called, e.g. Kantor Kecamatan Licin. */
  name: Scalars['String']['output'];
  /** Kemendagri village code, when known, e.g. 35.10.24.2008. */
  villageCode?: Maybe<Scalars['ID']['output']>;
};

/** A place the delegation visited; a village code must lie in the host regency. */
export type VisitedSiteInput = {
  /** What the place is called. */
  name: Scalars['String']['input'];
  /** Kemendagri village code (in the host regency), when known. */
  villageCode?: InputMaybe<Scalars['ID']['input']>;
};



export type ResolverTypeWrapper<T> = T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessToken: ResolverTypeWrapper<AccessTokenRowModel>;
  AddEvidenceInput: AddEvidenceInput;
  Adoption: ResolverTypeWrapper<AdoptionRowModel>;
  AdoptionConnection: ResolverTypeWrapper<Omit<AdoptionConnection, 'edges'> & { edges: Array<ResolversTypes['AdoptionEdge']> }>;
  AdoptionCurve: ResolverTypeWrapper<AdoptionCurve>;
  AdoptionEdge: ResolverTypeWrapper<Omit<AdoptionEdge, 'node'> & { node: ResolversTypes['Adoption'] }>;
  AdoptionFilter: AdoptionFilter;
  AdoptionSort: AdoptionSort;
  AdoptionSortField: AdoptionSortField;
  AdoptionStage: AdoptionStage;
  AgreementDetails: ResolverTypeWrapper<AgreementDetails>;
  AgreementDetailsInput: AgreementDetailsInput;
  AgreementType: AgreementType;
  AuditEvent: ResolverTypeWrapper<RecordedEventModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BudgetDetails: ResolverTypeWrapper<BudgetDetails>;
  BudgetDetailsInput: BudgetDetailsInput;
  BudgetGrouping: BudgetGrouping;
  BudgetSource: BudgetSource;
  BudgetTotal: ResolverTypeWrapper<BudgetTotalRowModel>;
  Clock: Clock;
  CurveInterval: CurveInterval;
  CurvePeriod: ResolverTypeWrapper<CurvePeriod>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateRange: DateRange;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Diffusion: ResolverTypeWrapper<DiffusionFiguresModel>;
  DiffusionNetwork: ResolverTypeWrapper<Omit<DiffusionNetwork, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['NetworkEdge']>, nodes: Array<ResolversTypes['NetworkNode']> }>;
  DraftRegency: ResolverTypeWrapper<Omit<DraftRegency, 'regency'> & { regency: ResolversTypes['Regency'] }>;
  DraftRole: DraftRole;
  EvaluationDetails: ResolverTypeWrapper<EvaluationDetails>;
  EvaluationDetailsInput: EvaluationDetailsInput;
  EventPage: ResolverTypeWrapper<Omit<EventPage, 'nodes'> & { nodes: Array<ResolversTypes['AuditEvent']> }>;
  Evidence: ResolverTypeWrapper<Evidence>;
  EvidenceInput: EvidenceInput;
  EvidenceKind: EvidenceKind;
  FigureFilter: FigureFilter;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Innovation: ResolverTypeWrapper<InnovationRowModel>;
  InnovationCategory: InnovationCategory;
  InnovationRank: ResolverTypeWrapper<RankedModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IssueAccessTokenInput: IssueAccessTokenInput;
  IssuedAccessToken: ResolverTypeWrapper<Omit<IssuedAccessToken, 'accessToken'> & { accessToken: ResolversTypes['AccessToken'] }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LaunchDetails: ResolverTypeWrapper<LaunchDetails>;
  LaunchDetailsInput: LaunchDetailsInput;
  Maturity: Maturity;
  Milestone: ResolverTypeWrapper<MilestoneRowModel>;
  MilestoneChange: MilestoneChange;
  MilestoneDetails: ResolverTypeWrapper<MilestoneDetails>;
  MilestoneDetailsInput: MilestoneDetailsInput;
  MilestoneDraft: ResolverTypeWrapper<MilestoneDraft>;
  MilestoneKind: MilestoneKind;
  MilestoneNotice: ResolverTypeWrapper<MilestoneNoticeModel>;
  MilestoneProposal: ResolverTypeWrapper<MilestoneProposal>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NetworkEdge: ResolverTypeWrapper<NetworkEdgeRowModel>;
  NetworkEdgeKind: NetworkEdgeKind;
  NetworkNode: ResolverTypeWrapper<NetworkNodeRowModel>;
  OriginDiffusion: ResolverTypeWrapper<OriginFiguresModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PilotDetails: ResolverTypeWrapper<PilotDetails>;
  PilotDetailsInput: PilotDetailsInput;
  Province: ResolverTypeWrapper<ProvinceModel>;
  ProvinceCount: ResolverTypeWrapper<Omit<ProvinceCount, 'province'> & { province: ResolversTypes['Province'] }>;
  ProvinceRank: ResolverTypeWrapper<RankedModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Regency: ResolverTypeWrapper<RegencyModel>;
  RegencyRank: ResolverTypeWrapper<RankedModel>;
  RegisterInnovationInput: RegisterInnovationInput;
  RegulationDetails: ResolverTypeWrapper<RegulationDetails>;
  RegulationDetailsInput: RegulationDetailsInput;
  RegulationInstrument: RegulationInstrument;
  RejectMilestoneInput: RejectMilestoneInput;
  ReplicationMode: ReplicationMode;
  ReportDraft: ResolverTypeWrapper<Omit<ReportDraft, 'regencies'> & { regencies: Array<ResolversTypes['DraftRegency']> }>;
  ReportMilestoneInput: ReportMilestoneInput;
  ReportStudyVisitInput: ReportStudyVisitInput;
  RetractMilestoneInput: RetractMilestoneInput;
  RetractStudyVisitInput: RetractStudyVisitInput;
  RevokeAccessTokenInput: RevokeAccessTokenInput;
  Role: Role;
  SortDirection: SortDirection;
  SourceSpan: ResolverTypeWrapper<SourceSpan>;
  StageAfterVisit: ResolverTypeWrapper<StageAfterVisit>;
  StageCount: ResolverTypeWrapper<StageCount>;
  StageDuration: ResolverTypeWrapper<StageDuration>;
  StageTiming: ResolverTypeWrapper<StageTiming>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  StudyVisit: ResolverTypeWrapper<StudyVisitRowModel>;
  StudyVisitDraft: ResolverTypeWrapper<StudyVisitDraft>;
  StudyVisitProposal: ResolverTypeWrapper<StudyVisitProposal>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SuspensionDetails: ResolverTypeWrapper<SuspensionDetails>;
  SuspensionDetailsInput: SuspensionDetailsInput;
  TimeToStage: ResolverTypeWrapper<TimeToStage>;
  TimeToStageStart: TimeToStageStart;
  Verification: Verification;
  VerificationFilter: VerificationFilter;
  VerifyMilestoneInput: VerifyMilestoneInput;
  Viewer: ResolverTypeWrapper<Omit<Viewer, 'regency'> & { regency?: Maybe<ResolversTypes['Regency']> }>;
  VisitOutcome: ResolverTypeWrapper<VisitOutcomeRowModel>;
  VisitedSite: ResolverTypeWrapper<VisitedSite>;
  VisitedSiteInput: VisitedSiteInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessToken: AccessTokenRowModel;
  AddEvidenceInput: AddEvidenceInput;
  Adoption: AdoptionRowModel;
  AdoptionConnection: Omit<AdoptionConnection, 'edges'> & { edges: Array<ResolversParentTypes['AdoptionEdge']> };
  AdoptionCurve: AdoptionCurve;
  AdoptionEdge: Omit<AdoptionEdge, 'node'> & { node: ResolversParentTypes['Adoption'] };
  AdoptionFilter: AdoptionFilter;
  AdoptionSort: AdoptionSort;
  AgreementDetails: AgreementDetails;
  AgreementDetailsInput: AgreementDetailsInput;
  AuditEvent: RecordedEventModel;
  Boolean: Scalars['Boolean']['output'];
  BudgetDetails: BudgetDetails;
  BudgetDetailsInput: BudgetDetailsInput;
  BudgetTotal: BudgetTotalRowModel;
  CurvePeriod: CurvePeriod;
  Date: Scalars['Date']['output'];
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  Diffusion: DiffusionFiguresModel;
  DiffusionNetwork: Omit<DiffusionNetwork, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['NetworkEdge']>, nodes: Array<ResolversParentTypes['NetworkNode']> };
  DraftRegency: Omit<DraftRegency, 'regency'> & { regency: ResolversParentTypes['Regency'] };
  EvaluationDetails: EvaluationDetails;
  EvaluationDetailsInput: EvaluationDetailsInput;
  EventPage: Omit<EventPage, 'nodes'> & { nodes: Array<ResolversParentTypes['AuditEvent']> };
  Evidence: Evidence;
  EvidenceInput: EvidenceInput;
  FigureFilter: FigureFilter;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Innovation: InnovationRowModel;
  InnovationRank: RankedModel;
  Int: Scalars['Int']['output'];
  IssueAccessTokenInput: IssueAccessTokenInput;
  IssuedAccessToken: Omit<IssuedAccessToken, 'accessToken'> & { accessToken: ResolversParentTypes['AccessToken'] };
  JSON: Scalars['JSON']['output'];
  LaunchDetails: LaunchDetails;
  LaunchDetailsInput: LaunchDetailsInput;
  Milestone: MilestoneRowModel;
  MilestoneDetails: MilestoneDetails;
  MilestoneDetailsInput: MilestoneDetailsInput;
  MilestoneDraft: MilestoneDraft;
  MilestoneNotice: MilestoneNoticeModel;
  MilestoneProposal: MilestoneProposal;
  Mutation: Record<PropertyKey, never>;
  NetworkEdge: NetworkEdgeRowModel;
  NetworkNode: NetworkNodeRowModel;
  OriginDiffusion: OriginFiguresModel;
  PageInfo: PageInfo;
  PilotDetails: PilotDetails;
  PilotDetailsInput: PilotDetailsInput;
  Province: ProvinceModel;
  ProvinceCount: Omit<ProvinceCount, 'province'> & { province: ResolversParentTypes['Province'] };
  ProvinceRank: RankedModel;
  Query: Record<PropertyKey, never>;
  Regency: RegencyModel;
  RegencyRank: RankedModel;
  RegisterInnovationInput: RegisterInnovationInput;
  RegulationDetails: RegulationDetails;
  RegulationDetailsInput: RegulationDetailsInput;
  RejectMilestoneInput: RejectMilestoneInput;
  ReportDraft: Omit<ReportDraft, 'regencies'> & { regencies: Array<ResolversParentTypes['DraftRegency']> };
  ReportMilestoneInput: ReportMilestoneInput;
  ReportStudyVisitInput: ReportStudyVisitInput;
  RetractMilestoneInput: RetractMilestoneInput;
  RetractStudyVisitInput: RetractStudyVisitInput;
  RevokeAccessTokenInput: RevokeAccessTokenInput;
  SourceSpan: SourceSpan;
  StageAfterVisit: StageAfterVisit;
  StageCount: StageCount;
  StageDuration: StageDuration;
  StageTiming: StageTiming;
  String: Scalars['String']['output'];
  StudyVisit: StudyVisitRowModel;
  StudyVisitDraft: StudyVisitDraft;
  StudyVisitProposal: StudyVisitProposal;
  Subscription: Record<PropertyKey, never>;
  SuspensionDetails: SuspensionDetails;
  SuspensionDetailsInput: SuspensionDetailsInput;
  TimeToStage: TimeToStage;
  VerifyMilestoneInput: VerifyMilestoneInput;
  Viewer: Omit<Viewer, 'regency'> & { regency?: Maybe<ResolversParentTypes['Regency']> };
  VisitOutcome: VisitOutcomeRowModel;
  VisitedSite: VisitedSite;
  VisitedSiteInput: VisitedSiteInput;
};

export type AccessTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccessToken'] = ResolversParentTypes['AccessToken']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  regency?: Resolver<Maybe<ResolversTypes['Regency']>, ParentType, ContextType>;
  revoked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type AdoptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Adoption'] = ResolversParentTypes['Adoption']> = {
  adopter?: Resolver<ResolversTypes['Regency'], ParentType, ContextType>;
  firstOccurredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  innovation?: Resolver<ResolversTypes['Innovation'], ParentType, ContextType>;
  lastOccurredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  maturity?: Resolver<ResolversTypes['Maturity'], ParentType, ContextType>;
  milestones?: Resolver<Array<ResolversTypes['Milestone']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['AdoptionStage'], ParentType, ContextType>;
  suspended?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type AdoptionConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AdoptionConnection'] = ResolversParentTypes['AdoptionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AdoptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AdoptionCurveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AdoptionCurve'] = ResolversParentTypes['AdoptionCurve']> = {
  adopters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  adoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clock?: Resolver<ResolversTypes['Clock'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['CurveInterval'], ParentType, ContextType>;
  periods?: Resolver<Array<ResolversTypes['CurvePeriod']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['AdoptionStage'], ParentType, ContextType>;
};

export type AdoptionEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AdoptionEdge'] = ResolversParentTypes['AdoptionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Adoption'], ParentType, ContextType>;
};

export type AgreementDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgreementDetails'] = ResolversParentTypes['AgreementDetails']> = {
  documentNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parties?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AgreementType'], ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  correlationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BudgetDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetDetails'] = ResolversParentTypes['BudgetDetails']> = {
  amountRupiah?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fiscalYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['BudgetSource'], ParentType, ContextType>;
};

export type BudgetTotalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetTotal'] = ResolversParentTypes['BudgetTotal']> = {
  adopters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  allocations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  amountRupiah?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fiscalYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  innovation?: Resolver<Maybe<ResolversTypes['Innovation']>, ParentType, ContextType>;
  province?: Resolver<Maybe<ResolversTypes['Province']>, ParentType, ContextType>;
};

export type CurvePeriodResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CurvePeriod'] = ResolversParentTypes['CurvePeriod']> = {
  adopters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  adoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cumulativeAdopters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cumulativeAdoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DiffusionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Diffusion'] = ResolversParentTypes['Diffusion']> = {
  adoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  funnel?: Resolver<Array<ResolversTypes['StageCount']>, ParentType, ContextType>;
  innovation?: Resolver<ResolversTypes['Innovation'], ParentType, ContextType>;
  provinces?: Resolver<Array<ResolversTypes['ProvinceCount']>, ParentType, ContextType>;
  studyToStage?: Resolver<Array<ResolversTypes['StageDuration']>, ParentType, ContextType>;
};

export type DiffusionNetworkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DiffusionNetwork'] = ResolversParentTypes['DiffusionNetwork']> = {
  edges?: Resolver<Array<ResolversTypes['NetworkEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['NetworkNode']>, ParentType, ContextType>;
};

export type DraftRegencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DraftRegency'] = ResolversParentTypes['DraftRegency']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  regency?: Resolver<ResolversTypes['Regency'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['DraftRole'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceSpan']>, ParentType, ContextType>;
};

export type EvaluationDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EvaluationDetails'] = ResolversParentTypes['EvaluationDetails']> = {
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EventPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventPage'] = ResolversParentTypes['EventPage']> = {
  nodes?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type EvidenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Evidence'] = ResolversParentTypes['Evidence']> = {
  kind?: Resolver<ResolversTypes['EvidenceKind'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InnovationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Innovation'] = ResolversParentTypes['Innovation']> = {
  adoptions?: Resolver<Array<ResolversTypes['Adoption']>, ParentType, ContextType, Partial<InnovationAdoptionsArgs>>;
  category?: Resolver<ResolversTypes['InnovationCategory'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  diffusion?: Resolver<ResolversTypes['Diffusion'], ParentType, ContextType, Partial<InnovationDiffusionArgs>>;
  digital?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  launchedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['Regency'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type InnovationRankResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InnovationRank'] = ResolversParentTypes['InnovationRank']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  innovation?: Resolver<ResolversTypes['Innovation'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IssuedAccessTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssuedAccessToken'] = ResolversParentTypes['IssuedAccessToken']> = {
  accessToken?: Resolver<ResolversTypes['AccessToken'], ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LaunchDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LaunchDetails'] = ResolversParentTypes['LaunchDetails']> = {
  inauguratedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MilestoneResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone']> = {
  details?: Resolver<Maybe<ResolversTypes['MilestoneDetails']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MilestoneKind'], ParentType, ContextType>;
  knownAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  mode?: Resolver<Maybe<ResolversTypes['ReplicationMode']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reportedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retracted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  retractedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retractionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  studyVisit?: Resolver<Maybe<ResolversTypes['StudyVisit']>, ParentType, ContextType>;
  verification?: Resolver<ResolversTypes['Verification'], ParentType, ContextType>;
  verificationNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  verifiedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type MilestoneDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MilestoneDetails'] = ResolversParentTypes['MilestoneDetails']> = {
  agreement?: Resolver<Maybe<ResolversTypes['AgreementDetails']>, ParentType, ContextType>;
  budget?: Resolver<Maybe<ResolversTypes['BudgetDetails']>, ParentType, ContextType>;
  evaluation?: Resolver<Maybe<ResolversTypes['EvaluationDetails']>, ParentType, ContextType>;
  launch?: Resolver<Maybe<ResolversTypes['LaunchDetails']>, ParentType, ContextType>;
  pilot?: Resolver<Maybe<ResolversTypes['PilotDetails']>, ParentType, ContextType>;
  regulation?: Resolver<Maybe<ResolversTypes['RegulationDetails']>, ParentType, ContextType>;
  suspension?: Resolver<Maybe<ResolversTypes['SuspensionDetails']>, ParentType, ContextType>;
};

export type MilestoneDraftResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MilestoneDraft'] = ResolversParentTypes['MilestoneDraft']> = {
  adopterCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  innovationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MilestoneKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type MilestoneNoticeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MilestoneNotice'] = ResolversParentTypes['MilestoneNotice']> = {
  adoption?: Resolver<Maybe<ResolversTypes['Adoption']>, ParentType, ContextType>;
  change?: Resolver<ResolversTypes['MilestoneChange'], ParentType, ContextType>;
  milestone?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MilestoneProposalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MilestoneProposal'] = ResolversParentTypes['MilestoneProposal']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  input?: Resolver<ResolversTypes['MilestoneDraft'], ParentType, ContextType>;
  missing?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceSpan']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addEvidence?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType, RequireFields<MutationAddEvidenceArgs, 'input'>>;
  issueAccessToken?: Resolver<ResolversTypes['IssuedAccessToken'], ParentType, ContextType, RequireFields<MutationIssueAccessTokenArgs, 'input'>>;
  registerInnovation?: Resolver<ResolversTypes['Innovation'], ParentType, ContextType, RequireFields<MutationRegisterInnovationArgs, 'input'>>;
  rejectMilestone?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType, RequireFields<MutationRejectMilestoneArgs, 'input'>>;
  reportMilestone?: Resolver<ResolversTypes['Adoption'], ParentType, ContextType, RequireFields<MutationReportMilestoneArgs, 'input'>>;
  reportStudyVisit?: Resolver<ResolversTypes['StudyVisit'], ParentType, ContextType, RequireFields<MutationReportStudyVisitArgs, 'input'>>;
  retractMilestone?: Resolver<ResolversTypes['Adoption'], ParentType, ContextType, RequireFields<MutationRetractMilestoneArgs, 'input'>>;
  retractStudyVisit?: Resolver<ResolversTypes['StudyVisit'], ParentType, ContextType, RequireFields<MutationRetractStudyVisitArgs, 'input'>>;
  revokeAccessToken?: Resolver<ResolversTypes['AccessToken'], ParentType, ContextType, RequireFields<MutationRevokeAccessTokenArgs, 'input'>>;
  verifyMilestone?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType, RequireFields<MutationVerifyMilestoneArgs, 'input'>>;
};

export type NetworkEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NetworkEdge'] = ResolversParentTypes['NetworkEdge']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  innovations?: Resolver<Array<ResolversTypes['Innovation']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NetworkEdgeKind'], ParentType, ContextType>;
  stage?: Resolver<Maybe<ResolversTypes['AdoptionStage']>, ParentType, ContextType>;
  studyVisit?: Resolver<Maybe<ResolversTypes['StudyVisit']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type NetworkNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NetworkNode'] = ResolversParentTypes['NetworkNode']> = {
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
  regency?: Resolver<ResolversTypes['Regency'], ParentType, ContextType>;
};

export type OriginDiffusionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OriginDiffusion'] = ResolversParentTypes['OriginDiffusion']> = {
  adopters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  adoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  funnel?: Resolver<Array<ResolversTypes['StageCount']>, ParentType, ContextType>;
  innovations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['Regency'], ParentType, ContextType>;
  perInnovation?: Resolver<Array<ResolversTypes['Diffusion']>, ParentType, ContextType>;
  provinces?: Resolver<Array<ResolversTypes['ProvinceCount']>, ParentType, ContextType>;
  studyToStage?: Resolver<Array<ResolversTypes['StageDuration']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PilotDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PilotDetails'] = ResolversParentTypes['PilotDetails']> = {
  scope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProvinceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Province'] = ResolversParentTypes['Province']> = {
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regencies?: Resolver<Array<ResolversTypes['Regency']>, ParentType, ContextType>;
};

export type ProvinceCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProvinceCount'] = ResolversParentTypes['ProvinceCount']> = {
  adopters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
};

export type ProvinceRankResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProvinceRank'] = ResolversParentTypes['ProvinceRank']> = {
  adoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accessTokens?: Resolver<Array<ResolversTypes['AccessToken']>, ParentType, ContextType>;
  adoptionCurve?: Resolver<ResolversTypes['AdoptionCurve'], ParentType, ContextType, RequireFields<QueryAdoptionCurveArgs, 'clock' | 'interval' | 'stage'>>;
  adoptions?: Resolver<ResolversTypes['AdoptionConnection'], ParentType, ContextType, RequireFields<QueryAdoptionsArgs, 'first'>>;
  budgetTotals?: Resolver<Array<ResolversTypes['BudgetTotal']>, ParentType, ContextType, RequireFields<QueryBudgetTotalsArgs, 'groupBy'>>;
  diffusion?: Resolver<Maybe<ResolversTypes['Diffusion']>, ParentType, ContextType, RequireFields<QueryDiffusionArgs, 'innovationId'>>;
  diffusionNetwork?: Resolver<ResolversTypes['DiffusionNetwork'], ParentType, ContextType, Partial<QueryDiffusionNetworkArgs>>;
  draftFromReport?: Resolver<ResolversTypes['ReportDraft'], ParentType, ContextType, RequireFields<QueryDraftFromReportArgs, 'publishedOn' | 'text'>>;
  events?: Resolver<ResolversTypes['EventPage'], ParentType, ContextType, RequireFields<QueryEventsArgs, 'first'>>;
  innovation?: Resolver<Maybe<ResolversTypes['Innovation']>, ParentType, ContextType, RequireFields<QueryInnovationArgs, 'id'>>;
  innovations?: Resolver<Array<ResolversTypes['Innovation']>, ParentType, ContextType, Partial<QueryInnovationsArgs>>;
  originDiffusion?: Resolver<ResolversTypes['OriginDiffusion'], ParentType, ContextType, RequireFields<QueryOriginDiffusionArgs, 'originCode'>>;
  province?: Resolver<Maybe<ResolversTypes['Province']>, ParentType, ContextType, RequireFields<QueryProvinceArgs, 'code'>>;
  provinces?: Resolver<Array<ResolversTypes['Province']>, ParentType, ContextType>;
  regencies?: Resolver<Array<ResolversTypes['Regency']>, ParentType, ContextType, Partial<QueryRegenciesArgs>>;
  regency?: Resolver<Maybe<ResolversTypes['Regency']>, ParentType, ContextType, RequireFields<QueryRegencyArgs, 'code'>>;
  searchInnovations?: Resolver<Array<ResolversTypes['Innovation']>, ParentType, ContextType, RequireFields<QuerySearchInnovationsArgs, 'first' | 'text'>>;
  studyVisit?: Resolver<Maybe<ResolversTypes['StudyVisit']>, ParentType, ContextType, RequireFields<QueryStudyVisitArgs, 'id'>>;
  studyVisits?: Resolver<Array<ResolversTypes['StudyVisit']>, ParentType, ContextType, Partial<QueryStudyVisitsArgs>>;
  timeToStage?: Resolver<ResolversTypes['TimeToStage'], ParentType, ContextType, RequireFields<QueryTimeToStageArgs, 'from'>>;
  topAdopters?: Resolver<Array<ResolversTypes['RegencyRank']>, ParentType, ContextType, RequireFields<QueryTopAdoptersArgs, 'first' | 'minStage'>>;
  topInnovations?: Resolver<Array<ResolversTypes['InnovationRank']>, ParentType, ContextType, RequireFields<QueryTopInnovationsArgs, 'first' | 'minStage'>>;
  topOrigins?: Resolver<Array<ResolversTypes['RegencyRank']>, ParentType, ContextType, RequireFields<QueryTopOriginsArgs, 'first' | 'minStage'>>;
  topProvinces?: Resolver<Array<ResolversTypes['ProvinceRank']>, ParentType, ContextType, RequireFields<QueryTopProvincesArgs, 'first' | 'minStage'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type RegencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Regency'] = ResolversParentTypes['Regency']> = {
  adoptions?: Resolver<Array<ResolversTypes['Adoption']>, ParentType, ContextType, Partial<RegencyAdoptionsArgs>>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  diffusion?: Resolver<ResolversTypes['OriginDiffusion'], ParentType, ContextType, Partial<RegencyDiffusionArgs>>;
  innovations?: Resolver<Array<ResolversTypes['Innovation']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
  studyVisitsHosted?: Resolver<Array<ResolversTypes['StudyVisit']>, ParentType, ContextType>;
  studyVisitsMade?: Resolver<Array<ResolversTypes['StudyVisit']>, ParentType, ContextType>;
};

export type RegencyRankResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RegencyRank'] = ResolversParentTypes['RegencyRank']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  regency?: Resolver<ResolversTypes['Regency'], ParentType, ContextType>;
};

export type RegulationDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RegulationDetails'] = ResolversParentTypes['RegulationDetails']> = {
  instrument?: Resolver<ResolversTypes['RegulationInstrument'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ReportDraftResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReportDraft'] = ResolversParentTypes['ReportDraft']> = {
  evidence?: Resolver<ResolversTypes['Evidence'], ParentType, ContextType>;
  milestones?: Resolver<Array<ResolversTypes['MilestoneProposal']>, ParentType, ContextType>;
  publishedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  regencies?: Resolver<Array<ResolversTypes['DraftRegency']>, ParentType, ContextType>;
  studyVisits?: Resolver<Array<ResolversTypes['StudyVisitProposal']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SourceSpanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SourceSpan'] = ResolversParentTypes['SourceSpan']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StageAfterVisitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StageAfterVisit'] = ResolversParentTypes['StageAfterVisit']> = {
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  occurredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['AdoptionStage'], ParentType, ContextType>;
};

export type StageCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StageCount'] = ResolversParentTypes['StageCount']> = {
  current?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['AdoptionStage'], ParentType, ContextType>;
};

export type StageDurationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StageDuration'] = ResolversParentTypes['StageDuration']> = {
  adoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p75Days?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['AdoptionStage'], ParentType, ContextType>;
};

export type StageTimingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StageTiming'] = ResolversParentTypes['StageTiming']> = {
  adoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  medianDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  medianMonths?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  minDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  q1Days?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  q3Days?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['AdoptionStage'], ParentType, ContextType>;
};

export type StudyVisitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StudyVisit'] = ResolversParentTypes['StudyVisit']> = {
  delegationSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  host?: Resolver<ResolversTypes['Regency'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  innovations?: Resolver<Array<ResolversTypes['Innovation']>, ParentType, ContextType>;
  leader?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcomes?: Resolver<Array<ResolversTypes['VisitOutcome']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  retracted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['VisitedSite']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  visitor?: Resolver<ResolversTypes['Regency'], ParentType, ContextType>;
};

export type StudyVisitDraftResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StudyVisitDraft'] = ResolversParentTypes['StudyVisitDraft']> = {
  delegationSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  endDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  hostCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  innovationIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  leader?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['VisitedSite']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  visitorCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type StudyVisitProposalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StudyVisitProposal'] = ResolversParentTypes['StudyVisitProposal']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  input?: Resolver<ResolversTypes['StudyVisitDraft'], ParentType, ContextType>;
  missing?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceSpan']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  milestoneChanged?: SubscriptionResolver<ResolversTypes['MilestoneNotice'], "milestoneChanged", ParentType, ContextType, Partial<SubscriptionMilestoneChangedArgs>>;
  milestoneReported?: SubscriptionResolver<ResolversTypes['MilestoneNotice'], "milestoneReported", ParentType, ContextType, Partial<SubscriptionMilestoneReportedArgs>>;
};

export type SuspensionDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SuspensionDetails'] = ResolversParentTypes['SuspensionDetails']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TimeToStageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TimeToStage'] = ResolversParentTypes['TimeToStage']> = {
  adoptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['TimeToStageStart'], ParentType, ContextType>;
  stages?: Resolver<Array<ResolversTypes['StageTiming']>, ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  authenticated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  regency?: Resolver<Maybe<ResolversTypes['Regency']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type VisitOutcomeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VisitOutcome'] = ResolversParentTypes['VisitOutcome']> = {
  innovation?: Resolver<ResolversTypes['Innovation'], ParentType, ContextType>;
  reached?: Resolver<Array<ResolversTypes['StageAfterVisit']>, ParentType, ContextType>;
  stage?: Resolver<Maybe<ResolversTypes['AdoptionStage']>, ParentType, ContextType>;
  suspended?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type VisitedSiteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VisitedSite'] = ResolversParentTypes['VisitedSite']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  villageCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AccessToken?: AccessTokenResolvers<ContextType>;
  Adoption?: AdoptionResolvers<ContextType>;
  AdoptionConnection?: AdoptionConnectionResolvers<ContextType>;
  AdoptionCurve?: AdoptionCurveResolvers<ContextType>;
  AdoptionEdge?: AdoptionEdgeResolvers<ContextType>;
  AgreementDetails?: AgreementDetailsResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  BudgetDetails?: BudgetDetailsResolvers<ContextType>;
  BudgetTotal?: BudgetTotalResolvers<ContextType>;
  CurvePeriod?: CurvePeriodResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Diffusion?: DiffusionResolvers<ContextType>;
  DiffusionNetwork?: DiffusionNetworkResolvers<ContextType>;
  DraftRegency?: DraftRegencyResolvers<ContextType>;
  EvaluationDetails?: EvaluationDetailsResolvers<ContextType>;
  EventPage?: EventPageResolvers<ContextType>;
  Evidence?: EvidenceResolvers<ContextType>;
  Innovation?: InnovationResolvers<ContextType>;
  InnovationRank?: InnovationRankResolvers<ContextType>;
  IssuedAccessToken?: IssuedAccessTokenResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LaunchDetails?: LaunchDetailsResolvers<ContextType>;
  Milestone?: MilestoneResolvers<ContextType>;
  MilestoneDetails?: MilestoneDetailsResolvers<ContextType>;
  MilestoneDraft?: MilestoneDraftResolvers<ContextType>;
  MilestoneNotice?: MilestoneNoticeResolvers<ContextType>;
  MilestoneProposal?: MilestoneProposalResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NetworkEdge?: NetworkEdgeResolvers<ContextType>;
  NetworkNode?: NetworkNodeResolvers<ContextType>;
  OriginDiffusion?: OriginDiffusionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PilotDetails?: PilotDetailsResolvers<ContextType>;
  Province?: ProvinceResolvers<ContextType>;
  ProvinceCount?: ProvinceCountResolvers<ContextType>;
  ProvinceRank?: ProvinceRankResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Regency?: RegencyResolvers<ContextType>;
  RegencyRank?: RegencyRankResolvers<ContextType>;
  RegulationDetails?: RegulationDetailsResolvers<ContextType>;
  ReportDraft?: ReportDraftResolvers<ContextType>;
  SourceSpan?: SourceSpanResolvers<ContextType>;
  StageAfterVisit?: StageAfterVisitResolvers<ContextType>;
  StageCount?: StageCountResolvers<ContextType>;
  StageDuration?: StageDurationResolvers<ContextType>;
  StageTiming?: StageTimingResolvers<ContextType>;
  StudyVisit?: StudyVisitResolvers<ContextType>;
  StudyVisitDraft?: StudyVisitDraftResolvers<ContextType>;
  StudyVisitProposal?: StudyVisitProposalResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SuspensionDetails?: SuspensionDetailsResolvers<ContextType>;
  TimeToStage?: TimeToStageResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  VisitOutcome?: VisitOutcomeResolvers<ContextType>;
  VisitedSite?: VisitedSiteResolvers<ContextType>;
};

