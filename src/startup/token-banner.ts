// The generated bootstrap token as a person at the console cannot miss it: a framed block on its
// own, printed before the JSON log lines start (main.ts holds Nest's until the app is up).
export function tokenBanner(secret: string): string {
  const rule = '='.repeat(78);
  return `${[
    '',
    rule,
    '  Admin token "bootstrap" (shown once, store it now):',
    '',
    `      ${secret}`,
    '',
    '  Use it as: Authorization: Bearer <token>, or sign in to the web console with it.',
    '  Set TRACKER_ADMIN_TOKEN before a first start to choose the token instead.',
    rule,
    '',
  ].join('\n')}\n`;
}
