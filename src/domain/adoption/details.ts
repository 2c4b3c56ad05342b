import { z } from 'zod';
import { text } from '../shared/values.js';
import type { MilestoneKind } from './stages.js';

/** Nota kesepahaman (MoU) or perjanjian kerja sama (PKS). */
export const AgreementType = z.enum(['MOU', 'PKS']);
/** The legal instrument a regulation milestone enacts. */
export const RegulationInstrument = z.enum([
  'PERATURAN_DAERAH',
  'PERATURAN_BUPATI',
  'PERATURAN_WALI_KOTA',
  'KEPUTUSAN_KEPALA_DAERAH',
  'SURAT_EDARAN',
  'OTHER',
]);
export const BudgetSource = z.enum(['APBD', 'APBN', 'CSR', 'OTHER']);

export const AgreementDetails = z.object({
  type: AgreementType,
  /** The parties who signed, e.g. "Pemerintah Kabupaten Banyuwangi". */
  parties: z
    .array(text(300))
    .min(1, { message: 'name at least one party' })
    .max(20, { message: 'at most 20 parties' }),
  documentNumber: text(200).optional(),
});

export const RegulationDetails = z.object({
  instrument: RegulationInstrument,
  number: text(200),
  title: text(500).optional(),
});

export const BudgetDetails = z.object({
  fiscalYear: z.number().int().min(1945, { message: 'must be 1945 or later' }).max(2200),
  /** Whole rupiah as decimal digits, so amounts past 2^53 stay exact. */
  amountRupiah: z
    .string()
    .trim()
    .regex(/^(0|[1-9]\d{0,17})$/, {
      message:
        'must be a whole number of rupiah written in digits, at most 18 digits (below 10^18), e.g. 1500000000',
    }),
  source: BudgetSource,
});

export const PilotDetails = z.object({ scope: text(1000) });
export const LaunchDetails = z.object({ inauguratedBy: text(300) });
export const EvaluationDetails = z.object({ outcome: text(2000) });
export const SuspensionDetails = z.object({ reason: text(2000) });

/** Details of a milestone, under the key of its kind (at most one key). */
export const MilestoneDetails = z.object({
  agreement: AgreementDetails.optional(),
  regulation: RegulationDetails.optional(),
  budget: BudgetDetails.optional(),
  pilot: PilotDetails.optional(),
  launch: LaunchDetails.optional(),
  evaluation: EvaluationDetails.optional(),
  suspension: SuspensionDetails.optional(),
});
export type MilestoneDetails = z.infer<typeof MilestoneDetails>;
export type DetailsKey = keyof MilestoneDetails;

/** Which details key belongs to which milestone kind. */
export const DETAILS_OF_KIND: Readonly<Partial<Record<MilestoneKind, DetailsKey>>> = {
  AGREEMENT_SIGNED: 'agreement',
  REGULATION_ENACTED: 'regulation',
  BUDGET_ALLOCATED: 'budget',
  PILOT_STARTED: 'pilot',
  SERVICE_LAUNCHED: 'launch',
  EVALUATED: 'evaluation',
  SUSPENDED: 'suspension',
};

/** The kind whose details live under `key`. */
export const kindOfDetails = (key: DetailsKey): MilestoneKind =>
  Object.entries(DETAILS_OF_KIND).find(([, k]) => k === key)?.[0] as MilestoneKind;
