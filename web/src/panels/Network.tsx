import { useEffect, useRef } from 'preact/hooks';
import { formatDate, t } from '../lib/i18n';

export interface NetworkNode {
  id: string;
  label: string;
  origin?: boolean;
}
export interface NetworkEdge {
  source: string;
  target: string;
  kind: 'visit' | 'adoption';
  label: string;
}

/**
 * Who learned from whom, drawn by Cytoscape.js (loaded only with this panel); the same edges are
 * listed as text beside it for screen readers and keyboard users.
 */
export function Network({ nodes, edges }: { nodes: NetworkNode[]; edges: NetworkEdge[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const learners = nodes.filter((n) => !n.origin).map((n) => n.id);
    const teachers = nodes.filter((n) => n.origin).map((n) => n.id);
    const column = (ids: string[], id: string) => (ids.indexOf(id) - (ids.length - 1) / 2) * 90;
    const place = (id: string) =>
      teachers.includes(id)
        ? { x: 0, y: column(teachers, id) }
        : { x: 320, y: column(learners, id) };
    let destroyed = false;
    let graph: { destroy(): void } | undefined;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !ref.current) return;
      graph = cytoscape({
        container: ref.current,
        elements: [
          ...nodes.map((n) => ({
            data: { id: n.id, label: n.label },
            classes: n.origin ? 'origin' : '',
          })),
          ...edges.map((e, i) => ({
            data: { id: `e${i}`, source: e.source, target: e.target, label: e.label },
            classes: e.kind,
          })),
        ],
        // Who taught on the left, who learned from them in a column on the right.
        layout: {
          name: 'preset',
          positions: Object.fromEntries(nodes.map((n) => [n.id, place(n.id)])),
          fit: true,
          padding: 30,
        },
        userZoomingEnabled: false,
        boxSelectionEnabled: false,
        style: [
          {
            selector: 'node',
            style: {
              label: 'data(label)',
              'font-size': 11,
              'text-wrap': 'wrap',
              'text-max-width': '110px',
              'background-color': '#6baed6',
              color: '#1b1f24',
              'text-valign': 'bottom',
            },
          },
          {
            selector: 'node.origin',
            style: { 'background-color': '#08519c', width: 36, height: 36 },
          },
          {
            selector: 'edge',
            style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 2 },
          },
          {
            selector: 'edge.visit',
            style: {
              'line-style': 'dashed',
              'line-color': '#e6a23c',
              'target-arrow-color': '#e6a23c',
            },
          },
          {
            selector: 'edge.adoption',
            style: { 'line-color': '#3182bd', 'target-arrow-color': '#3182bd' },
          },
        ],
      });
    });
    return () => {
      destroyed = true;
      graph?.destroy();
    };
  }, [JSON.stringify({ nodes, edges })]);
  const name = new Map(nodes.map((n) => [n.id, n.label]));
  return (
    <>
      <p class="caption">{t('networkCaption')}</p>
      <div class="network" ref={ref} aria-hidden="true" />
      <ul class="plain" data-network-edges>
        {edges.map((e, i) => (
          <li key={i} data-edge-kind={e.kind}>
            {name.get(e.source)} → {name.get(e.target)}: {e.label}
          </li>
        ))}
      </ul>
    </>
  );
}

export const visitLabel = (date: string) => t('edgeVisit', { date: formatDate(date, 'short') });
