import { useEffect, useRef } from 'preact/hooks';

/** Mounts a chart drawn by Observable Plot (an SVG or figure element) and redraws it on change. */
export function PlotFigure({ draw, label }: { draw: (width: number) => Element; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Drawn at the width it gets, so its text keeps its size on a phone and on a wide screen.
    const chart = draw(Math.max(280, Math.round(ref.current?.clientWidth ?? 640)));
    // The figure is one image with one label (its data is also in a table beside it): Plot's own
    // labels on inner groups are dropped, as ARIA does not allow them there.
    for (const inner of chart.querySelectorAll('[aria-label], [aria-description]')) {
      inner.removeAttribute('aria-label');
      inner.removeAttribute('aria-description');
    }
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', label);
    ref.current?.replaceChildren(chart);
  });
  return <div class="plot" ref={ref} />;
}
