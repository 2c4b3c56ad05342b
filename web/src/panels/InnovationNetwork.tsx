import type { Stage } from '../lib/domain';
import { t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { Network, type NetworkEdge, type NetworkNode, visitLabel } from './Network';
import { Panel } from './Panel';

const VISITS = `query WorkbenchVisits($host: ID!) {
  studyVisits(hostCode: $host) { id startDate retracted visitor { code name } innovations { id } }
}`;
type Visits = {
  studyVisits: Array<{
    id: string;
    startDate: string;
    retracted: boolean;
    visitor: { code: string; name: string };
    innovations: Array<{ id: string }>;
  }>;
};

/** What the network needs of an innovation: its origin and its adopters' stages. */
export interface NetworkInnovation {
  id: string;
  origin: { code: string; name: string };
  adoptions: Array<{ adopter: { code: string; name: string }; stage: Stage }>;
}

/** The innovation's study visits (host → visitor) and adoptions (origin → adopter). */
export function InnovationNetwork({
  innovation,
  refresh,
}: {
  innovation: NetworkInnovation;
  refresh: number;
}) {
  const visits = useQuery<Visits>(VISITS, { host: innovation.origin.code }, { refresh });
  return (
    <Panel id="network" title={t('networkTitle')} state={visits} wide>
      {(data) => {
        const nodes = new Map<string, NetworkNode>([
          [
            innovation.origin.code,
            { id: innovation.origin.code, label: innovation.origin.name, origin: true },
          ],
        ]);
        const edges: NetworkEdge[] = [];
        for (const v of data.studyVisits) {
          if (v.retracted || !v.innovations.some((i) => i.id === innovation.id)) continue;
          nodes.set(v.visitor.code, { id: v.visitor.code, label: v.visitor.name });
          edges.push({
            source: innovation.origin.code,
            target: v.visitor.code,
            kind: 'visit',
            label: visitLabel(v.startDate),
          });
        }
        for (const a of innovation.adoptions) {
          nodes.set(a.adopter.code, { id: a.adopter.code, label: a.adopter.name });
          edges.push({
            source: innovation.origin.code,
            target: a.adopter.code,
            kind: 'adoption',
            label: t('edgeAdoption', { stage: t(`stage_${a.stage}`) }),
          });
        }
        return <Network nodes={[...nodes.values()]} edges={edges} />;
      }}
    </Panel>
  );
}
