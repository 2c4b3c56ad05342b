import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Regions } from '../application/regions.js';
import { badInput } from '../domain/shared/errors.js';
import { draftFromReport } from '../news/draft.js';
import type { Gazetteer } from '../news/gazetteer.js';
import { loadGazetteer } from '../news/idn-gazetteer.js';
import type { GraphQLContext } from './context.js';
import type { QueryDraftFromReportArgs } from './generated.js';

/** Longest report text `draftFromReport` reads. */
export const MAX_DRAFT_TEXT = 20_000;
/** What one `draftFromReport` adds to a query's static cost (see `draftCost`): a 20000-character report takes about 0.1 s to read, so at the default limit a request holds at most four. */
export const DRAFT_COST = 200_000;

const gazetteers = new WeakMap<Regions, Promise<Gazetteer>>();
function gazetteerOf(regions: Regions): Promise<Gazetteer> {
  let gazetteer = gazetteers.get(regions);
  if (!gazetteer) {
    gazetteer = loadGazetteer(regions);
    gazetteers.set(regions, gazetteer);
  }
  return gazetteer;
}

/** Checks the report's arguments; a problem is a BAD_USER_INPUT naming the argument. */
function checkArguments(text: string, publishedOn: string, url: string | null | undefined) {
  if (text.length > MAX_DRAFT_TEXT)
    throw badInput(
      'text',
      `text: must be at most ${MAX_DRAFT_TEXT} characters, got ${text.length}; send one report at a time`,
    );
  if (text.trim() === '') throw badInput('text', 'text: must not be empty');
  // Indonesia's easternmost time zone is UTC+9; a day of slack for any reader's clock.
  const latest = new Date(Date.now() + 33 * 3_600_000).toISOString().slice(0, 10);
  if (publishedOn > latest)
    throw badInput('publishedOn', `publishedOn: ${publishedOn} is in the future`);
  if (url !== null && url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || url.length > 2000)
      throw badInput('url', 'url: must be an http(s) URL of at most 2000 characters');
  }
}

/**
 * `Query.draftFromReport`: reads a report into proposals, from the read model's innovations and
 * the region data. Writes nothing; a proposal is confirmed through the ordinary mutations.
 */
export async function draftReport(
  { text, publishedOn, url }: QueryDraftFromReportArgs,
  ctx: GraphQLContext,
) {
  checkArguments(text, publishedOn, url);
  const gazetteer = await gazetteerOf(ctx.regions);
  const innovations = ctx.read.innovations
    .list({})
    .map(({ id, name, originCode }) => ({ id, name, originCode }));
  const draft = draftFromReport(
    { text, publishedOn, ...(url ? { url } : {}) },
    { gazetteer, innovations },
  );
  return {
    ...draft,
    regencies: draft.regencies.flatMap((r) => {
      const regency = ctx.regions.regency(r.code);
      return regency ? [{ ...r, regency }] : [];
    }),
  };
}

/**
 * Prices `draftFromReport` in the cost limit: the operation's static cost (graphql-armor's, as
 * the hardening plugins count it) plus DRAFT_COST for every draft the document asks for must stay
 * within the limit, or the request fails validation with QUERY_TOO_COSTLY, nothing executed.
 */
export function draftCost(maxCost: number): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext): ASTVisitor => {
        let drafts = 0;
        let base = 0;
        const armor = costLimitRule({
          maxCost: Number.MAX_SAFE_INTEGER,
          ignoreIntrospection: true,
          propagateOnRejection: false,
          onAccept: [(_context, { n }) => (base = Math.max(base, n))],
        })(context);
        return {
          OperationDefinition: { enter: (node) => armor.OperationDefinition.enter(node) },
          Field(node) {
            if (node.name.value === 'draftFromReport' && context.getParentType()?.name === 'Query')
              drafts++;
          },
          Document: {
            leave() {
              const found = base + drafts * DRAFT_COST;
              if (drafts === 0 || base > maxCost || found <= maxCost) return;
              context.reportError(
                new GraphQLError(
                  `Query Cost limit of ${maxCost} exceeded, found ${found} (each draftFromReport costs ${DRAFT_COST}).`,
                  { extensions: { code: 'QUERY_TOO_COSTLY', limit: maxCost, found } },
                ),
              );
            },
          },
        };
      });
    },
  };
}
