import type { Stage } from '../lib/domain';
import type { FigureFilter } from '../lib/figures';
import { t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { Network, type NetworkEdge, visitLabel } from './Network';
import { Panel } from './Panel';

const NETWORK = `query WorkbenchNetwork($innovationId: ID, $filter: FigureFilter) {
  diffusionNetwork(innovationId: $innovationId, filter: $filter) {
    nodes { code regency { name } }
    edges { kind from to date stage }
  }
}`;
type Answer = {
  diffusionNetwork: {
    nodes: Array<{ code: string; regency: { name: string } }>;
    edges: Array<{
      kind: 'STUDY_VISIT' | 'ADOPTION';
      from: string;
      to: string;
      date: string;
      stage: Stage | null;
    }>;
  };
};

/** Who learned from whom, as the server answers it (`diffusionNetwork`) under the page's filter. */
export function InnovationNetwork({
  innovationId,
  originCode,
  filter,
  refresh,
}: {
  innovationId: string;
  originCode: string;
  filter: FigureFilter;
  refresh: number;
}) {
  const state = useQuery<Answer>(NETWORK, { innovationId, filter }, { refresh });
  return (
    <Panel id="network" title={t('networkTitle')} state={state} wide>
      {(data) => {
        const { nodes, edges } = data.diffusionNetwork;
        const shown: NetworkEdge[] = edges.map((e) => ({
          source: e.from,
          target: e.to,
          kind: e.kind === 'STUDY_VISIT' ? 'visit' : 'adoption',
          label:
            e.kind === 'STUDY_VISIT'
              ? visitLabel(e.date)
              : t('edgeAdoption', { stage: e.stage ? t(`stage_${e.stage}`) : '–' }),
        }));
        return (
          <Network
            nodes={nodes.map((n) => ({
              id: n.code,
              label: n.regency.name,
              origin: n.code === originCode,
            }))}
            edges={shown}
          />
        );
      }}
    </Panel>
  );
}
