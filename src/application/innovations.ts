import { innovationDecider } from '../domain/innovation/decide.js';
import { innovationStream } from '../domain/innovation/events.js';
import { slugify } from '../domain/shared/values.js';
import { todayIn } from './clock.js';
import type { InputSchemas } from './inputs.js';
import { useCase } from './pipeline.js';
import type { Regions } from './regions.js';

/** The innovation aggregate's use cases. */
export const innovationUseCases = (schemas: InputSchemas, regions: Regions) => ({
  /** The ministry registers an innovation; its id is derived from origin and name unless given. */
  registerInnovation: useCase({
    mutation: 'registerInnovation',
    roles: ['ADMIN'],
    input: schemas.registerInnovation,
    exec({ id, ...data }, cx) {
      const place = slugify(
        (regions.regency(data.originCode)?.name ?? '').replace(/^(KABUPATEN|KOTA)\s+/i, ''),
      );
      const innovationId = id ?? `${place}-${slugify(data.name)}`.slice(0, 80).replace(/-+$/, '');
      const command = {
        type: 'RegisterInnovation' as const,
        data: { innovationId, ...data },
        today: todayIn(cx.clock),
      };
      return cx.write(innovationDecider, innovationStream(innovationId), command, { innovationId });
    },
  }),
});
