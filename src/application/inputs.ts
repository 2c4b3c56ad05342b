import { z } from 'zod';
import { Role } from '../domain/access/events.js';
import { MilestoneDetails } from '../domain/adoption/details.js';
import { MilestoneKind, ReplicationMode } from '../domain/adoption/stages.js';
import { InnovationCategory } from '../domain/innovation/events.js';
import { badInput } from '../domain/shared/errors.js';
import {
  CalendarDate,
  Evidence,
  InnovationId,
  RegencyCode,
  ReportedDate,
  text,
} from '../domain/shared/values.js';
import { StudiedInnovationIds, VisitedSite } from '../domain/study-visit/events.js';
import type { Regions } from './regions.js';

/**
 * zod schemas for the mutation inputs. Region codes are checked against the Kepmendagri list,
 * so the schemas are built for a loaded `Regions`.
 */
export function inputSchemas(regions: Regions) {
  const KnownRegency = RegencyCode.refine((code) => regions.regency(code) !== undefined, {
    message: 'is not a kabupaten/kota code in Kepmendagri 2025 (idn-area-data)',
  });
  const KnownSite = VisitedSite.superRefine(async (site, ctx) => {
    if (site.villageCode && !(await regions.hasVillage(site.villageCode)))
      ctx.addIssue({
        code: 'custom',
        path: ['villageCode'],
        message: 'is not a village code in Kepmendagri 2025 (idn-area-data)',
      });
  });
  const evidence = z.array(Evidence).max(20).default([]);

  return {
    registerInnovation: z.object({
      id: InnovationId.optional(),
      originCode: KnownRegency,
      name: text(200),
      description: text(4000).optional(),
      category: InnovationCategory.default('PUBLIC_SERVICE'),
      digital: z.boolean().default(false),
      launchedOn: CalendarDate.optional(),
      evidence,
    }),
    reportStudyVisit: z.object({
      id: z.uuid().optional(),
      hostCode: KnownRegency,
      visitorCode: KnownRegency,
      startDate: ReportedDate,
      endDate: ReportedDate,
      delegationSize: z.number().int().min(1).max(5000),
      leader: text(200),
      sites: z.array(KnownSite).max(50).default([]),
      innovationIds: StudiedInnovationIds,
      note: text(2000).optional(),
      evidence,
      knownOn: CalendarDate.optional(),
    }),
    retractStudyVisit: z.object({ visitId: z.uuid(), reason: text(1000) }),
    reportMilestone: z.object({
      adopterCode: KnownRegency,
      innovationId: InnovationId,
      kind: MilestoneKind,
      occurredOn: ReportedDate,
      note: text(2000).optional(),
      evidence,
      mode: ReplicationMode.optional(),
      details: MilestoneDetails.optional(),
      knownOn: CalendarDate.optional(),
    }),
    retractMilestone: z.object({
      milestoneId: z.string().trim().min(1).max(200),
      reason: text(1000),
    }),
    verifyMilestone: z.object({
      milestoneId: z.string().trim().min(1).max(200),
      note: text(1000).optional(),
    }),
    rejectMilestone: z.object({
      milestoneId: z.string().trim().min(1).max(200),
      reason: text(1000),
    }),
    addEvidence: z.object({
      milestoneId: z.string().trim().min(1).max(200),
      evidence: z.array(Evidence).min(1, 'give at least one piece of evidence').max(20),
    }),
    issueAccessToken: z.object({
      role: Role,
      regencyCode: KnownRegency.optional(),
      label: text(200).optional(),
    }),
    revokeAccessToken: z.object({
      tokenId: z.uuid({ message: 'must be the id of an issued token' }),
      reason: text(1000).optional(),
    }),
  };
}

export type InputSchemas = ReturnType<typeof inputSchemas>;

/** Parses a mutation input, turning the first problem into a BAD_USER_INPUT naming its field. */
export async function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Promise<z.output<S>> {
  const result = await schema.safeParseAsync(withoutNulls(input ?? {}), { error: plainMessage });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'input';
  throw badInput(field, `${field}: ${issue?.message ?? 'is invalid'}`);
}

/**
 * Words an officer can act on for zod's built-in checks (rules with their own message keep it):
 * "must be at least 1", never "Too small: expected number to be >=1".
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const bound = (issue as { minimum?: unknown; maximum?: unknown; inclusive?: boolean }) ?? {};
  const origin = (issue as { origin?: string }).origin;
  const unit = origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
  switch (issue.code) {
    case 'too_small':
      if (origin === 'string' && Number(bound.minimum) === 1) return 'must not be empty';
      return bound.inclusive === false
        ? `must be more than ${bound.minimum}${unit}`
        : `must be at least ${bound.minimum}${unit}`;
    case 'too_big':
      return bound.inclusive === false
        ? `must be less than ${bound.maximum}${unit}`
        : `must be at most ${bound.maximum}${unit}`;
    case 'invalid_type': {
      const expected = String((issue as { expected?: unknown }).expected);
      if (issue.input === undefined) return 'is required';
      return expected === 'int' ? 'must be a whole number' : `must be a ${expected}`;
    }
    case 'invalid_value': {
      const values = (issue as { values?: unknown[] }).values ?? [];
      return `must be one of ${values.map(String).join(', ')}`;
    }
    case 'invalid_format':
      return `is not a valid ${String((issue as { format?: unknown }).format)}`;
    case 'unrecognized_keys':
      return `has unknown fields: ${((issue as { keys?: string[] }).keys ?? []).join(', ')}`;
    default:
      return undefined;
  }
}

/** GraphQL sends an omitted optional field as null; the schemas treat null as absent. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  return value;
}
