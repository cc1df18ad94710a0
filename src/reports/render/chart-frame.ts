import { html, type Interpolation, type SafeHtml } from './html.js';

// Every chart is as wide as the printed page's text.
export const CHART_WIDTH = 720;

// The frame of every chart: its size, and its title for screen readers and as a tooltip.
export function chartFrame(title: string, height: number, content: Interpolation): SafeHtml {
  const width = CHART_WIDTH;
  return html`<svg
    class="chart"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    role="img"
    aria-label="${title}"
  >
    <title>${title}</title>
    ${content}
  </svg>`;
}
