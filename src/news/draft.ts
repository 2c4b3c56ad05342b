import { daysBetween } from './calendar.js';
import { findDates } from './dates.js';
import { findDelegationSizes, findLeaders, leaderName } from './delegations.js';
import { type Gazetteer, type KnownInnovation, regencyIndex } from './gazetteer.js';
import { findInnovationMentions } from './innovations.js';
import { findIntentions } from './intentions.js';
import { findPeople, sentenceSubjects } from './people.js';
import type {
  EvidenceDraft,
  InterestDraftInput,
  Proposal,
  RegencyFinding,
  ReportDraft,
  SourceSpan,
  StudyVisitDraftInput,
} from './proposals.js';
import { findRegencyMentions } from './regencies.js';
import { assignRoles } from './roles.js';
import { findSites } from './sites.js';
import { type Report, type Span, spanOf, titleCase, tokenize } from './text.js';
import { resolveVisitDates } from './visit-dates.js';

export interface DraftRequest {
  text: string;
  /** YYYY-MM-DD: the date relative dates ("Senin (25/2)") are read against. */
  publishedOn: string;
  url?: string;
}

export interface DraftWorld {
  gazetteer: Gazetteer;
  innovations: readonly KnownInnovation[];
}

const source = (field: string, span: Span, reason: string, confidence: number): SourceSpan => ({
  field,
  ...span,
  reason,
  confidence,
});

/**
 * Reads a news report into proposed study visits and interest milestones. Pure and
 * deterministic: the same text, date and world give the same draft; nothing is written.
 */
export function draftFromReport(request: DraftRequest, world: DraftWorld): ReportDraft {
  const report = tokenize(request.text);
  const published = request.publishedOn;
  const index = regencyIndex(world.gazetteer);
  const warnings: string[] = [];
  const mentions = findRegencyMentions(report, index, warnings);
  const named = findInnovationMentions(
    report,
    world.innovations,
    new Set(mentions.map((m) => m.code)),
  );
  const roles = assignRoles(report, mentions, named);
  const host = roles.find((r) => r.role === 'HOST');
  const visitors = roles.filter((r) => r.role === 'VISITOR');
  const people = findPeople(report, mentions);
  const subjects = sentenceSubjects(report, mentions, people, new Set(roles.map((r) => r.code)));
  const peopleCodes = (sentence: number) => {
    const s = report.sentences[sentence];
    if (!s) return [];
    const words = new Set(report.tokens.slice(s.from, s.to).map((t) => t.word));
    return [...new Set(people.filter((p) => words.has(p.words[0] ?? '')).map((p) => p.code))];
  };
  const evidence = evidenceOf(request, report);
  const { dates, durations, years } = findDates(report, published);
  const regencies: RegencyFinding[] = roles.map((r) => ({
    code: r.code,
    name: index.byCode.get(r.code)?.officialName ?? r.code,
    role: r.role,
    confidence: r.confidence,
    sources: r.evidence.map((e) =>
      source(r.role === 'HOST' ? 'hostCode' : 'visitorCode', e.span, e.reason, r.confidence),
    ),
  }));

  const studyVisits: Array<Proposal<StudyVisitDraftInput>> = [];
  const visitDates = resolveVisitDates(dates, durations, published);
  if (!host) warnings.push('no host found: the report does not say where a visit took place');
  else if (visitors.length === 0) warnings.push('no visiting regency found');
  const studied = host ? named.filter((m) => m.originCode === host.code) : [];
  for (const m of named)
    if (host && m.originCode !== host.code && !studied.some((s) => s.id === m.id))
      warnings.push(
        `${m.id} is named but is not an innovation of the host; not proposed as studied`,
      );
  const innovationIds = [...new Set(studied.map((m) => m.id))];
  const names = new Map(world.innovations.map((i) => [i.id, i.name]));
  const sites = host ? findSites(report, world.gazetteer.placesOf(host.code), studied, names) : [];
  const sizes = findDelegationSizes(report);
  const leaders = findLeaders(report, mentions, people);

  for (const visitor of host ? visitors : []) {
    const hostCode = host?.code ?? '';
    const sources: SourceSpan[] = [
      ...(regencies.find((r) => r.code === hostCode)?.sources ?? []),
      ...(regencies.find((r) => r.code === visitor.code)?.sources ?? []),
      ...visitDates.sources,
    ];
    const own = (sentence: number, at?: number) => {
      const codes = new Set([
        ...mentions
          .filter((m) => m.sentence === sentence && visitors.some((v) => v.code === m.code))
          .map((m) => m.code),
        ...peopleCodes(sentence).filter((c) => visitors.some((v) => v.code === c)),
      ]);
      if (codes.size === 1) return codes.has(visitor.code);
      if (codes.size > 1 && at !== undefined) {
        const nearest = mentions
          .filter((m) => m.sentence === sentence && codes.has(m.code))
          .sort((a, b) => Math.abs(a.from - at) - Math.abs(b.from - at))[0];
        return nearest?.code === visitor.code;
      }
      return subjects[sentence] === visitor.code || visitors.length === 1;
    };
    const size = sizes.find((s) => own(s.sentence, s.at));
    if (size)
      sources.push(
        source('delegationSize', size.span, `${size.size} in the delegation`, size.confidence),
      );
    const led = leaders.find((l) => l.code === visitor.code || (!l.code && own(l.sentence)));
    const person = people.find((p) => p.code === visitor.code);
    const titled = person?.mention ?? mentions.find((m) => m.code === visitor.code && m.title);
    let leader: string | null = null;
    if (led) {
      leader = led.leader;
      sources.push(source('leader', led.span, 'named as leading the delegation', led.confidence));
    } else if (titled) {
      const display = titleCase(report.tokens.slice(titled.nameFrom, titled.to).map((t) => t.word));
      leader = leaderName(titled.title ?? '', display, person);
      const start = report.tokens[titled.from]?.start ?? 0;
      const end = person?.span.end ?? report.tokens[titled.to - 1]?.end ?? start;
      const span = { start, end, text: report.text.slice(start, end) };
      sources.push(source('leader', span, "the visiting regency's head, named in the report", 0.7));
    }
    for (const site of sites)
      sources.push(source('sites', site.span, site.reason, site.confidence));
    for (const m of studied)
      sources.push(source('innovationIds', spanOf(report, m.from, m.to), m.reason, m.confidence));
    const missing = [
      ...(size ? [] : ['delegationSize']),
      ...(leader ? [] : ['leader']),
      ...(innovationIds.length ? [] : ['innovationIds']),
    ];
    const confidence = Math.min(
      host?.confidence ?? 0,
      visitor.confidence,
      visitDates.confidence,
      size?.confidence ?? 1,
      ...(innovationIds.length ? [Math.max(...studied.map((m) => m.confidence))] : []),
    );
    studyVisits.push({
      input: {
        hostCode,
        visitorCode: visitor.code,
        startDate: visitDates.start,
        endDate: visitDates.end,
        delegationSize: size?.size ?? null,
        leader,
        sites: sites.map((s) => ({
          name: s.name,
          ...(s.villageCode ? { villageCode: s.villageCode } : {}),
        })),
        innovationIds,
        note: `Drafted from a news report published ${published}${innovationIds.length ? `; studied: ${innovationIds.map((id) => names.get(id)).join(', ')}` : ''}.`,
        evidence: [evidence],
      },
      confidence: round(confidence),
      sources: distinct(sources),
      missing,
    });
  }

  const intentions = findIntentions(report, subjects, named, years, host?.code, peopleCodes);
  const milestones: Array<Proposal<InterestDraftInput>> = intentions.map((f) => {
    const said = dates.find(
      (d) => d.sentence === f.sentence && Math.abs(daysBetween(published, d.date)) <= 45,
    );
    const visiting = visitors.some((v) => v.code === f.adopterCode);
    const occurredOn = said?.date ?? (visiting ? visitDates.start : published);
    const innovation = names.get(f.innovationId) ?? f.innovationId;
    return {
      input: {
        adopterCode: f.adopterCode,
        innovationId: f.innovationId,
        kind: 'INTEREST_DECLARED',
        occurredOn,
        note: `Interest in ${innovation} stated in a news report published ${published}${f.targetYear ? `; target year ${f.targetYear}` : ''}.`,
        evidence: [evidence],
      },
      confidence: round(
        Math.min(f.confidence, said?.confidence ?? (visiting ? visitDates.confidence : 0.6)),
      ),
      sources: [
        source('innovationId', f.span, f.reason, f.confidence),
        ...(said
          ? [source('occurredOn', spanOf(report, said.from, said.to), said.reason, said.confidence)]
          : []),
      ],
      missing: [],
    };
  });
  return {
    publishedOn: published,
    evidence,
    regencies,
    studyVisits,
    milestones,
    warnings: [...new Set(warnings)],
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One source per field and span, the first reason kept. */
function distinct(sources: SourceSpan[]): SourceSpan[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.field}:${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The report itself as evidence: its first line as the title, the URL or the medium as reference. */
function evidenceOf(request: DraftRequest, report: Report): EvidenceDraft {
  const first =
    request.text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? 'News report';
  const title =
    first
      .replace(/\p{Cc}/gu, ' ')
      .slice(0, 300)
      .trim() || 'News report';
  const medium = /\b([a-z0-9-]+\.(?:com|co\.id|id|net))\b/i.exec(report.text.slice(0, 2000))?.[1];
  const host = request.url ? safeHost(request.url) : undefined;
  return {
    kind: 'NEWS',
    title,
    ...(request.url ? { url: request.url } : {}),
    reference: `${host ?? medium?.toLowerCase() ?? 'news report'} ${request.publishedOn}`,
  };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
