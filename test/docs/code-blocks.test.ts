import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLSchema, parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, documents, ROOT, read } from './markdown.js';
import { type CliCommand, cliCommands, commands } from './shell.js';

/**
 * The documentation's code cannot drift from the code: GraphQL blocks (and the queries inside
 * `curl -d` bodies) parse and validate against schema.graphql; shell blocks name npm scripts,
 * `replika` commands and options, and paths that exist.
 */
const SHELL = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);
const GRAPHQL = new Set(['graphql', 'gql']);

let schema: GraphQLSchema;
let scripts: Record<string, string>;
let cli: Map<string, CliCommand>;
beforeAll(async () => {
  schema = buildSchema(read('schema.graphql'));
  scripts = JSON.parse(read('package.json')).scripts;
  cli = await cliCommands();
}, 60_000);

function graphqlProblems(source: string): string[] {
  try {
    return validate(schema, parse(source)).map((e) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

/** What is wrong with one simple command; [] when it names only things that exist. */
function commandProblems(words: string[]): string[] {
  const [program, first, second] = words;
  const problems: string[] = [];
  const replika = (args: string[]) => {
    const name = args.find((a) => !a.startsWith('-'));
    if (name === undefined) return;
    const command = cli.get(name);
    if (!command) return void problems.push(`no replika command "${name}"`);
    for (const arg of args)
      if (arg.startsWith('-') && !command.options.has(arg.split('=')[0] ?? ''))
        problems.push(`replika ${name} has no option ${arg}`);
  };
  if (program === 'npm') {
    const script = first === 'run' || first === 'run-script' ? second : first;
    const lifecycle = ['start', 'test', 'stop', 'restart'];
    if ((first === 'run' || first === 'run-script' || lifecycle.includes(first ?? '')) && script) {
      if (!(script in scripts)) problems.push(`no npm script "${script}"`);
      if (script === 'replika') replika(words.slice(words.indexOf('--') + 1));
    }
  } else if (program === 'npx' && first === 'replika') replika(words.slice(2));
  else if (program === 'replika') replika(words.slice(1));
  else if (program === 'npx' && first === 'vitest') {
    for (let i = 2; i < words.length; i++) {
      const arg = words[i] ?? '';
      if (arg === 'run') continue;
      if (arg === '-t' || arg === '--testNamePattern' || arg === '--project') i++;
      else if (!arg.startsWith('-') && !existsSync(join(ROOT, arg)))
        problems.push(`vitest: no path ${arg}`);
    }
  } else if ((program === 'npx' && first === 'tsx') || program === 'tsx') {
    const file = program === 'tsx' ? first : second;
    if (file && !existsSync(join(ROOT, file))) problems.push(`tsx: no file ${file}`);
  } else if (program === 'curl') {
    const body = words[words.findIndex((w) => w === '-d' || w === '--data') + 1];
    if (body?.includes('"query"')) {
      const query = (JSON.parse(body) as { query?: string }).query ?? '';
      problems.push(...graphqlProblems(query).map((m) => `curl query: ${m}`));
    }
  }
  return problems;
}

describe('the shell tokenizer', () => {
  it('splits commands and keeps quoted words whole', () => {
    expect(
      commands(
        "KURRENTDB_URL='kurrentdb://x?tls=false' npx vitest run test/eventstore # note\n" +
          'for i in $(seq 2); do npx vitest run test/crash; done\n' +
          'docker run --rm \\\n  -p 2113:2113 img && npm run replika -- migrate --from "a b"',
      ),
    ).toEqual([
      ['npx', 'vitest', 'run', 'test/eventstore'],
      ['for', 'i', 'in', '$(seq', '2)'],
      ['npx', 'vitest', 'run', 'test/crash'],
      ['done'],
      ['docker', 'run', '--rm', '-p', '2113:2113', 'img'],
      ['npm', 'run', 'replika', '--', 'migrate', '--from', 'a b'],
    ]);
  });
});

describe('code blocks in the documentation', () => {
  it('reads the replika program that src/cli/main.ts builds', () => {
    expect([...cli.keys()]).toEqual(
      expect.arrayContaining(['import', 'migrate', 'projections', 'rebuild']),
    );
    expect(cli.get('migrate')?.options.has('--from')).toBe(true);
  });

  it('catches a command that does not exist', () => {
    expect(commandProblems(['npm', 'run', 'no-such-script'])).toEqual([
      'no npm script "no-such-script"',
    ]);
    expect(commandProblems(['npm', 'run', 'replika', '--', 'explode'])).toEqual([
      'no replika command "explode"',
    ]);
    expect(commandProblems(['replika', 'import', '--dry-rnu', 'x.csv'])).toEqual([
      'replika import has no option --dry-rnu',
    ]);
    expect(graphqlProblems('{ regency(code: "35.10") { nope } }')).toHaveLength(1);
  });

  for (const doc of documents()) {
    const blocks = codeBlocks(readFileSync(join(ROOT, doc), 'utf8'));
    const graphql = blocks.filter((b) => GRAPHQL.has(b.lang));
    const shell = blocks.filter((b) => SHELL.has(b.lang));
    if (graphql.length > 0)
      it(`${doc}: ${graphql.length} GraphQL blocks parse and validate against schema.graphql`, () => {
        const problems = graphql.flatMap((b) =>
          graphqlProblems(b.body).map((m) => `line ${b.line}: ${m}`),
        );
        expect(problems).toEqual([]);
      });
    if (shell.length > 0)
      it(`${doc}: ${shell.length} shell blocks name scripts, commands and paths that exist`, () => {
        const problems = shell.flatMap((b) =>
          commands(b.body).flatMap((w) => commandProblems(w).map((m) => `line ${b.line}: ${m}`)),
        );
        expect(problems).toEqual([]);
      });
  }
});
