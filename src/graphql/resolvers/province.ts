import type { ProvinceResolvers } from '../generated.js';

export const Province: ProvinceResolvers = {
  regencies: (province, _, ctx) => ctx.regions.regencies(province.code),
};
