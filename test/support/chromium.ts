/// <reference lib="dom" />
// Chromium for the browser tests, and the console's checks; the page callbacks run inside the browser.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
// Headless, and nothing that reaches for the network on its own.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const AXE_SOURCE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser test needs Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does).`,
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

// axe-core run from the test (not a script tag, which the CSP would refuse), WCAG 2 A and AA rules.
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE};undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
            passes: unknown[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    if (result.passes.length === 0) {
      throw new Error('axe-core checked nothing');
    }
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

// Every visible control has a label that is itself visible (or, for buttons, visible text).
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (element: Element) => {
      const box = (element as HTMLElement).getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const problems: string[] = [];
    for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const labels = [...((control as HTMLInputElement).labels ?? [])];
      if (visible(control) && !labels.some((label) => visible(label) && label.textContent.trim())) {
        problems.push(control.outerHTML);
      }
    }
    for (const button of document.querySelectorAll('button')) {
      if (visible(button) && !button.textContent.trim()) {
        problems.push(button.outerHTML);
      }
    }
    return problems;
  });
}

export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

// Tabs through the page: every link, button and field must take the focus, each with a visible outline.
export async function keyboardWalk(page: Page): Promise<{ unreached: string[]; withoutOutline: string[] }> {
  const actions = await page.evaluate(() => {
    // checkVisibility: the controls of a closed <details> keep a box but are not rendered.
    const visible = (element: Element) => {
      const box = (element as HTMLElement).getBoundingClientRect();
      return box.width > 0 && box.height > 0 && element.checkVisibility();
    };
    const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')];
    all.forEach((element, index) => element.setAttribute('data-walk', String(index)));
    return all.filter(visible).map((element) => element.getAttribute('data-walk') ?? '');
  });
  const reached = new Set<string>();
  const withoutOutline: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Date fields take one Tab per part, and scrolling table regions take one too.
  for (let press = 0; press < actions.length * 4 + 20 && reached.size < actions.length; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) {
        return undefined;
      }
      const style = getComputedStyle(element);
      return {
        walk: element.getAttribute('data-walk') ?? '',
        outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        html: element.outerHTML.slice(0, 120),
      };
    });
    if (focused?.walk) {
      reached.add(focused.walk);
      if (!focused.outlined) {
        withoutOutline.push(focused.html);
      }
    }
  }
  const unreached = actions.filter((action) => !reached.has(action));
  return { unreached, withoutOutline };
}
