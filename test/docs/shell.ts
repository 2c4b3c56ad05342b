import { Command } from 'commander';

/**
 * Splits a shell snippet into simple commands, each a list of words with quotes removed: enough
 * shell for documentation (quotes, backslash line continuations, comments, `&&`, `||`, `;`, `|`).
 */
export function commands(script: string): string[][] {
  const result: string[][] = [];
  let words: string[] = [];
  let word: string | null = null;
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) result.push(words);
    words = [];
  };
  const text = script.replace(/^\s*\$ /gm, ''); // console prompts
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      const end = close === -1 ? text.length : close;
      word = (word ?? '') + text.slice(i + 1, end).replace(c === '"' ? /\\(["\\$`])/g : /$^/, '$1');
      i = end;
      continue;
    }
    if (c === '#' && word === null) {
      const eol = text.indexOf('\n', i);
      i = (eol === -1 ? text.length : eol) - 1;
      continue;
    }
    if (c === '\n' || c === ';' || c === '|' || (c === '&' && text[i + 1] === '&')) {
      if (c === '&' || (c === '|' && text[i + 1] === '|')) i++;
      endCommand();
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    word = (word ?? '') + c;
  }
  endCommand();
  // Leading environment assignments and shell keywords are not the command.
  return result
    .map((w) => {
      let k = 0;
      while (k < w.length && /^([A-Za-z_][A-Za-z0-9_]*=|do$|then$|else$|time$)/.test(w[k] ?? ''))
        k++;
      return w.slice(k);
    })
    .filter((w) => w.length > 0);
}

export interface CliCommand {
  name: string;
  /** Long and short option flags, `--help` and `-h` included. */
  options: Set<string>;
}

/**
 * The `replika` program's commands and their options, read from the program src/cli/main.ts
 * builds: its `parseAsync` is caught before it parses, so nothing runs.
 */
export async function cliCommands(): Promise<Map<string, CliCommand>> {
  const original = Command.prototype.parseAsync;
  let program: Command | undefined;
  Command.prototype.parseAsync = async function (this: Command) {
    program = this;
    return this;
  };
  try {
    await import('../../src/cli/main.js');
  } finally {
    Command.prototype.parseAsync = original;
  }
  if (!program) throw new Error('src/cli/main.ts did not build a commander program');
  const result = new Map<string, CliCommand>();
  for (const command of program.commands) {
    const options = new Set(['--help', '-h']);
    for (const option of command.options) {
      if (option.long) options.add(option.long);
      if (option.short) options.add(option.short);
    }
    result.set(command.name(), { name: command.name(), options });
  }
  return result;
}
