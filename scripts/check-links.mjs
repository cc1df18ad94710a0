#!/usr/bin/env node
// Checks every relative link of the README and the docs/ pages (or of the Markdown files named):
// its file must be in the repository (tracked by git, or new and not ignored), and its #anchor a
// heading of that page, as GitHub makes anchors of headings. Links to other sites are not followed.
// `node scripts/check-links.mjs [file.md …]`; exits 1 when a link is broken.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inRepository = new Set(
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean),
);
const folders = new Set(
  [...inRepository].flatMap((file) =>
    file
      .split('/')
      .slice(0, -1)
      .map((_, index, parts) => parts.slice(0, index + 1).join('/')),
  ),
);

const pages =
  process.argv.length > 2
    ? process.argv.slice(2).map((file) => path.relative(root, path.resolve(file)))
    : ['README.md', ...[...inRepository].filter((file) => /^docs\/[^/]+\.md$/.test(file)).sort()];

// The page's lines outside fenced code blocks, with inline code blanked out, by line number.
function prose(text) {
  const lines = [];
  let fence = null;
  text.split('\n').forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (fence === null) {
        fence = marker[1];
      } else if (marker[1].startsWith(fence)) {
        fence = null;
      }
      return;
    }
    if (fence === null) {
      lines.push({ number: index + 1, text: line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length)) });
    }
  });
  return lines;
}

// GitHub's anchors: the heading's text, lower-cased, without punctuation, spaces as hyphens; a
// repeated heading gets -1, -2…; HTML anchors (<a id="…">) count too.
const anchorCache = new Map();
function anchorsOf(file) {
  if (!anchorCache.has(file)) {
    const anchors = new Set();
    const seen = new Map();
    for (const { text } of prose(readFileSync(path.join(root, file), 'utf8'))) {
      for (const html of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) {
        anchors.add(html[1]);
      }
      const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
      if (!heading) {
        continue;
      }
      const slug = heading[1]
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    anchorCache.set(file, anchors);
  }
  return anchorCache.get(file);
}

// Inline links and images, [text](target "title"), and reference definitions, [name]: target.
function linksOf(line) {
  const targets = [];
  for (const match of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
    targets.push(match[1]);
  }
  const reference = /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
  if (reference) {
    targets.push(reference[1]);
  }
  return targets;
}

function problemWith(page, target) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
    return null;
  }
  const [filePart, anchor] = target.split('#', 2);
  const file =
    filePart === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(filePart)));
  if (file.startsWith('../') || path.posix.isAbsolute(file)) {
    return 'points outside the repository';
  }
  const folder = file.replace(/\/$/, '');
  if (!inRepository.has(file) && !folders.has(folder) && folder !== '.') {
    return `${file} is not in the repository`;
  }
  if (anchor !== undefined && anchor !== '') {
    if (!file.endsWith('.md') || !inRepository.has(file)) {
      return `#${anchor} on ${file}, which is not a Markdown page`;
    }
    if (!anchorsOf(file).has(decodeURIComponent(anchor))) {
      return `${file} has no heading for #${anchor}`;
    }
  }
  return null;
}

let checked = 0;
let broken = 0;
for (const page of pages) {
  for (const { number, text } of prose(readFileSync(path.join(root, page), 'utf8'))) {
    for (const target of linksOf(text)) {
      checked += 1;
      const problem = problemWith(page, target);
      if (problem) {
        broken += 1;
        process.stdout.write(`${page}:${number}: (${target}) ${problem}\n`);
      }
    }
  }
}
process.stdout.write(`${pages.length} pages, ${checked} links: ${broken} broken\n`);
process.exitCode = broken > 0 ? 1 : 0;
