// For tests: draws a chart option with ECharts' server-side SVG renderer and reads back what a person would see of
// the line series (dots and line segments), so a test can tell a drawn point from one that is in the data only.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface Dot { series: number; index: number; x: number; y: number; radius: number; color?: string }
export interface Segment { x1: number; y1: number; x2: number; y2: number; color?: string }
export interface Drawing { dots: Dot[]; segments: Segment[]; svg: string }

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** Renders the option at the given size (no animation, as the console draws it) and lists the dots and line segments. */
export function draw(option: EChartsCoreOption, width = 490, height = 260): Drawing {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    const svg = chart.renderToSVGString();
    const tags = svg.match(/<path\s[^>]*>/g) ?? [];
    const dots: Dot[] = [];
    const segments: Segment[] = [];
    for (const tag of tags) {
      const index = attr(tag, 'ecmeta_data_index');
      const matrix = attr(tag, 'transform')?.match(/matrix\(([^)]*)\)/)?.[1].split(',').map(Number);
      if (index !== undefined && matrix && attr(tag, 'ecmeta_ssr_type') === 'chart') {
        dots.push({ series: Number(attr(tag, 'ecmeta_series_index')), index: Number(index), x: matrix[4], y: matrix[5], radius: Math.abs(matrix[0]), color: attr(tag, 'fill') });
      } else if (attr(tag, 'stroke-linejoin') === 'bevel' && attr(tag, 'fill') === 'none') {
        // a line series' polyline: "M x y L x y L x y M x y …"; each L is a drawn segment
        let last: [number, number] | null = null;
        for (const [, command, x, y] of (attr(tag, 'd') ?? '').matchAll(/([ML])\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/g)) {
          const point: [number, number] = [Number(x), Number(y)];
          if (command === 'L' && last) segments.push({ x1: last[0], y1: last[1], x2: point[0], y2: point[1], color: attr(tag, 'stroke') });
          last = point;
        }
      }
    }
    return { dots, segments, svg };
  } finally {
    chart.dispose();
  }
}
