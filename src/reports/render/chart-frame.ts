import { html, type Interpolation, type SafeHtml } from './html.js';

// The frame of every chart: its size, and its title for screen readers and as a tooltip.
export function chartFrame(title: string, width: number, height: number, content: Interpolation): SafeHtml {
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
