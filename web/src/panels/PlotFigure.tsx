import { useEffect, useRef } from 'preact/hooks';

/** Mounts a chart drawn by Observable Plot (an SVG or figure element) and redraws it on change. */
export function PlotFigure({ draw, label }: { draw: () => Element; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = draw();
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', label);
    ref.current?.replaceChildren(chart);
  });
  return <div class="plot" ref={ref} />;
}
