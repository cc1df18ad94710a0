#!/usr/bin/env node
// Refuses a Node.js outside package.json's `engines` (^22.13.0 || >=24.11.0) with one line that
// says what to do, before npm installs anything or the service starts; plain JavaScript that any
// Node runs, since it must speak to the old ones too.
import process from 'node:process';

const [major, minor] = process.versions.node.split('.').map(Number);
const supported = (major === 22 && minor >= 13) || (major === 24 && minor >= 11) || major > 24;

if (!supported) {
  process.stderr.write(
    `policy-tracker needs Node.js 24 LTS (24.11 or later) or 22.13 or later; this is Node.js ${process.versions.node}. ` +
      'See docs/development.md, "Node.js", for installing Node 24.\n',
  );
  process.exit(1);
}
