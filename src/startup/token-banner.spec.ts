import { tokenBanner } from './token-banner.js';

describe('tokenBanner', () => {
  const secret = 'pt_NataUC556JX8b_r81nz-dHO3jPDxT1uzIFqRAb9z2dI';
  const lines = tokenBanner(secret).split('\n');

  it('frames the secret, alone on its line, between two rules', () => {
    const rules = lines.flatMap((line, index) => (/^=+$/.test(line) ? [index] : []));
    expect(rules).toHaveLength(2);
    const inside = lines.slice(rules[0] + 1, rules[1]);
    expect(inside.filter((line) => line.trim() === secret)).toHaveLength(1);
    expect(inside[0]).toContain('Admin token "bootstrap"');
    expect(inside.some((line) => line.includes('TRACKER_ADMIN_TOKEN'))).toBe(true);
  });

  it('stands apart from the log lines around it and ends with a line break', () => {
    expect(lines[0]).toBe('');
    expect(tokenBanner(secret).endsWith('\n\n')).toBe(true);
  });

  it('reads as scripts/readme-walkthrough.mjs expects the printed token', () => {
    expect(/Admin token "bootstrap"[^\n]*\n\s*\n\s*(\S+)/.exec(tokenBanner(secret))?.[1]).toBe(secret);
  });
});
