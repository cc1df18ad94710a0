import { escapeHtml, html } from './html.js';

describe('html', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes every interpolated value unless it is already markup', () => {
    const user = '<script>alert(1)</script>';
    const inner = html`<b>${user}</b>`;
    expect(html`<p title="${user}">${inner}${[user, 1]}${null}${false}</p>`.markup).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;"><b>&lt;script&gt;alert(1)&lt;/script&gt;</b>&lt;script&gt;alert(1)&lt;/script&gt;1</p>',
    );
  });
});
