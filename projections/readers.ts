import type Database from 'better-sqlite3';
import { AccessTokenReaders } from './access-tokens/readers.js';
import { AdoptionLists } from './adoptions/list.js';
import { AdoptionReaders } from './adoptions/readers.js';
import { BudgetReaders } from './budgets/readers.js';
import { FigureReaders } from './figures/readers.js';
import { IdempotencyReaders } from './idempotency/readers.js';
import { InnovationSearchReaders } from './innovation-search/readers.js';
import { InnovationReaders } from './innovations/readers.js';
import { VisitOutcomeReaders } from './study-visits/outcomes.js';
import { StudyVisitReaders } from './study-visits/readers.js';
import { TimelineReaders } from './timeline/readers.js';

/** The read side: each projection's readers over the read model's live views. Read-only. */
export function openReaders(db: Database.Database) {
  const innovations = new InnovationReaders(db);
  return {
    innovations,
    studyVisits: new StudyVisitReaders(db),
    visitOutcomes: new VisitOutcomeReaders(db),
    innovationSearch: new InnovationSearchReaders(db),
    budgets: new BudgetReaders(db),
    adoptions: new AdoptionReaders(db),
    adoptionLists: new AdoptionLists(db),
    timeline: new TimelineReaders(db, innovations),
    figures: new FigureReaders(db),
    accessTokens: new AccessTokenReaders(db),
    idempotency: new IdempotencyReaders(db),
  };
}

export type Readers = ReturnType<typeof openReaders>;
