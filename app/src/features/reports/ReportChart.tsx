import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartValues, type ReportView } from './report-view.js';

interface ReportChartProps {
  readonly view: ReportView;
  /** What each row is called on the x axis. */
  readonly labels: readonly string[];
  /** One per amount column. */
  readonly series: readonly ChartSeries[];
  readonly locale: string;
}

export interface ChartSeries {
  readonly label: string;
  /** A CSS custom property of styles.css, so the chart follows light and dark themes. */
  readonly colour: '--accent' | '--in' | '--out';
  readonly shape: 'bars' | 'line';
}

const HEIGHT = 260;

/**
 * The picture of a report, drawn on a canvas by uPlot. Hidden from assistive technology: the
 * table beside it holds the same numbers.
 */
export function ReportChart({ view, labels, series, locale }: ReportChartProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const axisFormat = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: view.currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const x = view.rows.map((_, index) => index);
    const bars = uPlot.paths.bars;
    const grouped = series.filter((item) => item.shape === 'bars').length;
    const axis = {
      stroke: style.getPropertyValue('--muted'),
      grid: { stroke: style.getPropertyValue('--line') },
      ticks: { show: false },
    };
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false, range: (_, min, max) => [min - 0.5, max + 0.5] } },
      axes: [
        {
          ...axis,
          splits: () => x,
          values: (_, splits) => splits.map((split) => labels[split] ?? ''),
          rotate: labels.length > 6 ? -40 : 0,
          size: labels.length > 6 ? 72 : 40,
        },
        { ...axis, size: 72, values: (_, splits) => splits.map((split) => axisFormat.format(split)) },
      ],
      series: [
        {},
        ...series.map((item, index) => {
          const colour = style.getPropertyValue(item.colour);
          const align = grouped < 2 ? 0 : index === 0 ? -1 : 1;
          return item.shape === 'bars'
            ? {
                label: item.label,
                fill: colour,
                stroke: colour,
                ...(bars && { paths: bars({ size: [grouped < 2 ? 0.6 : 0.35, 64], align }) }),
              }
            : { label: item.label, stroke: colour, width: 2, points: { show: true, size: 6, fill: colour } };
        }),
      ],
    };
    const plot = new uPlot(options, [x, ...chartValues(view)], element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [view, labels, series, locale]);

  return <div ref={box} className="report-chart" aria-hidden="true" data-testid="report-chart" />;
}
