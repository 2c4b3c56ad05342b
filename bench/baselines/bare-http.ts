/**
 * Baseline: a bare node:http server answering fixed bytes — a GraphQL-shaped hello, or, given a
 * file, exactly that file's bytes (the bench passes the flagship query's answer).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const file = process.argv[2];
const body = file ? readFileSync(file) : Buffer.from(JSON.stringify({ data: { hello: 'world' } }));
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
