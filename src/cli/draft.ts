import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { InnovationReaders } from '../../projections/innovations/readers.js';
import { Regions } from '../application/regions.js';
import { loadConfig } from '../config.js';
import { isCalendarDate } from '../domain/shared/values.js';
import { draftFromReport } from '../news/draft.js';
import type { KnownInnovation } from '../news/gazetteer.js';
import { loadGazetteer } from '../news/idn-gazetteer.js';
import type { Proposal, ReportDraft, SourceSpan } from '../news/proposals.js';
import { MAX_REPORT_CHARS } from '../news/text.js';
import { readInputFile } from './inputs.js';

/**
 * `replika draft FILE`: reads a news report and prints the study visits and interest milestones
 * it describes, each with the text it was read from. Writes nothing; confirm a proposal with the
 * ordinary mutation (`--json` prints the inputs). Innovations are matched against the read model
 * of the data directory (DATA_DIR), opened read-only, so it runs beside a live server.
 */
export function registerDraftCommand(program: Command): void {
  program
    .command('draft')
    .description(
      'propose the study visits and interest milestones a news report describes (writes nothing)',
    )
    .argument('<file>', 'the report as plain text (UTF-8); its first line is taken as the title')
    .option('--published-on <date>', 'publication date, YYYY-MM-DD (default: today, UTC)')
    .option('--url <url>', 'where the report was published, kept as the evidence URL')
    .option('--json', 'print the draft as JSON (the inputs of reportStudyVisit / reportMilestone)')
    .action(
      async (file: string, options: { publishedOn?: string; url?: string; json?: boolean }) => {
        const text = readInputFile(file);
        if (text === undefined) return;
        const publishedOn = options.publishedOn ?? new Date().toISOString().slice(0, 10);
        if (!isCalendarDate(publishedOn)) {
          console.error(`--published-on must be a date written YYYY-MM-DD, got "${publishedOn}"`);
          process.exitCode = 2;
          return;
        }
        if (options.url !== undefined && !/^https?:\/\/\S+$/.test(options.url)) {
          console.error(`--url must be an http(s) URL, got "${options.url}"`);
          process.exitCode = 2;
          return;
        }
        if (text.length > MAX_REPORT_CHARS)
          console.error(`${file}: only the first ${MAX_REPORT_CHARS} characters are read`);
        const { innovations, note } = registeredInnovations(loadConfig().readModelPath);
        if (note) console.error(note);
        const gazetteer = await loadGazetteer(await Regions.load());
        const draft = draftFromReport(
          { text, publishedOn, ...(options.url ? { url: options.url } : {}) },
          { gazetteer, innovations },
        );
        console.log(options.json ? JSON.stringify(draft, null, 2) : render(draft));
      },
    );
}

/** The innovations of the read model, read-only; none (with a note) when there is none yet. */
function registeredInnovations(path: string): { innovations: KnownInnovation[]; note?: string } {
  if (!existsSync(path))
    return {
      innovations: [],
      note: `no read model at ${path}: innovations are not matched (start the server once, or set DATA_DIR)`,
    };
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = new InnovationReaders(db).list({});
    return { innovations: rows.map(({ id, name, originCode }) => ({ id, name, originCode })) };
  } finally {
    db.close();
  }
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

function sourcesOf(sources: readonly SourceSpan[]): string[] {
  return sources.map(
    (s) =>
      `    ${s.field.padEnd(15)} ${`[${s.start}–${s.end}]`.padEnd(12)} "${s.text.replace(/\s+/g, ' ')}" (${s.reason})`,
  );
}

function missing<I>(p: Proposal<I>): string[] {
  return p.missing.length ? [`  to fill in before confirming: ${p.missing.join(', ')}`] : [];
}

export function render(draft: ReportDraft): string {
  const name = (code: string) => draft.regencies.find((r) => r.code === code)?.name ?? code;
  const lines = [
    `Report: ${draft.evidence.title}`,
    `  published ${draft.publishedOn}; evidence: ${draft.evidence.url ?? draft.evidence.reference}`,
    '',
    'Regencies:',
    ...draft.regencies.map(
      (r) => `  ${r.role.padEnd(9)} ${r.code} ${r.name} (${pct(r.confidence)})`,
    ),
  ];
  draft.studyVisits.forEach((p, k) => {
    const v = p.input;
    lines.push(
      '',
      `Study visit ${k + 1} (${pct(p.confidence)}): ${name(v.visitorCode)} visits ${name(v.hostCode)}, ${v.startDate} to ${v.endDate}`,
      `  delegation: ${v.delegationSize ?? '?'}, led by ${v.leader ?? '?'}`,
      `  sites: ${v.sites.map((s) => (s.villageCode ? `${s.name} (${s.villageCode})` : s.name)).join('; ') || '-'}`,
      `  innovations studied: ${v.innovationIds.join(', ') || '-'}`,
      ...missing(p),
      '  read from:',
      ...sourcesOf(p.sources),
    );
  });
  draft.milestones.forEach((p, k) => {
    const m = p.input;
    lines.push(
      '',
      `Interest ${k + 1} (${pct(p.confidence)}): ${name(m.adopterCode)} in ${m.innovationId}, ${m.occurredOn} (${m.kind})`,
      ...missing(p),
      '  read from:',
      ...sourcesOf(p.sources),
    );
  });
  if (draft.warnings.length) lines.push('', 'Warnings:', ...draft.warnings.map((w) => `  ${w}`));
  lines.push(
    '',
    draft.studyVisits.length + draft.milestones.length
      ? 'Nothing was written. Confirm a proposal with reportStudyVisit / reportMilestone (the inputs: --json).'
      : 'Nothing to propose.',
  );
  return lines.join('\n');
}
