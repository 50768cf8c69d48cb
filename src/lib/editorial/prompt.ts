/**
 * Questions in the terminal. At a terminal this is `node:readline/promises`; when answers are
 * piped in (a script, a test), readline reads every line at once and `question()` would lose
 * all but the first, so piped lines are queued and handed out one per question.
 */
import { createInterface as createLineReader } from 'node:readline';
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';

interface Prompt {
  question(text: string): Promise<string>;
  close(): void;
}

export function openPrompt(): Prompt {
  if (stdin.isTTY) {
    const rl = createInterface({ input: stdin, output: stdout });
    return { question: (text) => rl.question(text), close: () => rl.close() };
  }
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  const reader = createLineReader({ input: stdin, terminal: false });
  reader.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  reader.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  return {
    async question(text) {
      stdout.write(text);
      const line = lines.length ? lines.shift() : ended ? undefined : await new Promise<string | undefined>((ok) => waiting.push(ok));
      if (line === undefined) throw new Error('ответы закончились раньше вопросов');
      stdout.write(`${line}\n`);
      return line;
    },
    close: () => reader.close(),
  };
}
