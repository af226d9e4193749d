/**
 * One bar chart drawn with Chart.js (bundled by Vite, no CDN): only the bar parts are registered, so the bundle
 * carries no other chart type. The same numbers are always in a table beside it (SummaryTables.tsx).
 */
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChartProps {
  readonly title: string;
  readonly labels: readonly string[];
  readonly values: readonly number[];
  /** CSS variables from styles.css for the bars, e.g. ["--brand"]: one for every bar, or one per bar. */
  readonly colourVars: readonly string[];
  readonly testId: string;
  readonly horizontal?: boolean;
}

function cssColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#0f2f57';
}

export function BarChart(props: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { labels, values, colourVars, horizontal, title } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const ink = cssColour('--ink');
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [...labels], datasets: [{ label: title, data: [...values], backgroundColor: colourVars.length === 1 ? cssColour(colourVars[0] ?? '--brand') : colourVars.map(cssColour) }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { enabled: true } },
        scales: {
          x: { ticks: { color: ink, font: { size: 14 }, ...(horizontal ? { precision: 0 } : {}) } },
          y: { beginAtZero: true, ticks: { color: ink, font: { size: 14 }, ...(horizontal ? {} : { precision: 0 }) } },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, values, colourVars, horizontal, title]);
  return (
    <figure className="lead-chart" data-testid={props.testId}>
      <figcaption>{title}</figcaption>
      <div className="lead-chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title} chart; the numbers are in the table`} />
      </div>
    </figure>
  );
}
