import type { VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { render } from 'preact-render-to-string';

// An element that never changes, rendered (and escaped) by preact once and kept in the form preact's
// JSX precompiler gives a static subtree: a template of one string. Rendering it again is a copy of
// that string, where an element tree would be walked, its attributes checked and escaped, each time.
export function precompiled(element: VNode): VNode {
  return jsxTemplate([render(element)]) as VNode;
}
