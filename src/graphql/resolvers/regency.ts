import type { RegencyResolvers } from '../generated.js';
import { loaders } from '../loaders.js';
import { deadlineOf } from '../time-budget.js';
import { timePoint } from './shared.js';

export const Regency: RegencyResolvers = {
  province: (regency, _, ctx) => {
    const province = ctx.regions.province(regency.provinceCode);
    if (!province) throw new Error(`province ${regency.provinceCode} missing from the region data`);
    return province;
  },
  innovations: (regency, _, ctx) => loaders(ctx).innovationsOfOrigin.load(regency.code),
  studyVisitsMade: (regency, _, ctx) => loaders(ctx).visitsMade.load(regency.code),
  studyVisitsHosted: (regency, _, ctx) => loaders(ctx).visitsHosted.load(regency.code),
  adoptions: (regency, { asOf, knownAt }, ctx) =>
    loaders(ctx).adoptionsOfAdopter(timePoint({ asOf, knownAt })).load(regency.code),
  diffusion: (regency, { window, asOf, knownAt }, ctx) =>
    ctx.read.timeline.originDiffusion(
      regency.code,
      window,
      timePoint({ asOf, knownAt }),
      deadlineOf(ctx),
    ),
};
