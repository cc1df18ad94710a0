#!/usr/bin/env node
// A validating proxy: forwards every request to a running tracker and checks each answer against
// that tracker's /openapi.json with the same checker as the e2e tests (test/support/openapi-check.mjs).
// CI puts it in front of the shared contract suite, so a third-party client's view of the service
// is checked too. On SIGTERM or SIGINT it prints how many answers it checked and exits 1 if any
// did not match the document.
//
//   node scripts/openapi-proxy.mjs <target URL> <port to listen on>
import { Buffer } from 'node:buffer';
import { createServer, request } from 'node:http';
import process from 'node:process';
import { URL } from 'node:url';
import { createOpenApiChecker } from '../test/support/openapi-check.mjs';

const [target, listenPort] = process.argv.slice(2);
if (!target || !listenPort) {
  process.stderr.write('usage: node scripts/openapi-proxy.mjs <target URL> <port>\n');
  process.exit(2);
}
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

const documentAnswer = await globalThis.fetch(new URL('/openapi.json', target));
if (!documentAnswer.ok) {
  process.stderr.write(`openapi-proxy: GET /openapi.json answered ${documentAnswer.status}\n`);
  process.exit(1);
}
const checker = createOpenApiChecker(await documentAnswer.json());
let checked = 0;
let mismatches = 0;

function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function withoutHopByHop(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

const server = createServer(async (incoming, outgoing) => {
  try {
    const body = await collect(incoming);
    const upstream = new URL(target);
    const answer = await new Promise((resolve, reject) => {
      const forwarded = request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...withoutHopByHop(incoming.headers), host: upstream.host },
        },
        resolve,
      );
      forwarded.on('error', reject);
      forwarded.end(body);
    });
    const answerBody = await collect(answer);
    checked += 1;
    const problems = checker.check({
      method: incoming.method,
      url: incoming.url,
      status: answer.statusCode,
      headers: answer.headers,
      body: answerBody,
    });
    if (problems.length > 0) {
      mismatches += 1;
      process.stderr.write(`openapi-proxy: ${incoming.method} ${incoming.url}\n  ${problems.join('\n  ')}\n`);
    }
    outgoing.writeHead(answer.statusCode, withoutHopByHop(answer.headers));
    outgoing.end(answerBody);
  } catch (error) {
    process.stderr.write(`openapi-proxy: ${incoming.method} ${incoming.url}: ${error.message}\n`);
    mismatches += 1;
    outgoing.writeHead(502, { 'content-type': 'text/plain' });
    outgoing.end('openapi-proxy: the tracker did not answer\n');
  }
});

function stop() {
  server.close();
  process.stderr.write(
    `openapi-proxy: ${checked} answers checked against /openapi.json, ${mismatches} did not match\n`,
  );
  process.exit(mismatches === 0 && checked > 0 ? 0 : 1);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.listen(Number(listenPort), '127.0.0.1', () => {
  process.stderr.write(`openapi-proxy: http://127.0.0.1:${listenPort} -> ${target}\n`);
});
