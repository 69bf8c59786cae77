/**
 * Lines typed (or piped) into the terminal chat, one at a time. On a
 * terminal the prompt is shown (readline: line editing, Ctrl-D, Ctrl-C);
 * from a pipe the lines are read silently, so the output is a clean
 * transcript of what the bot said.
 */
import { createInterface } from 'node:readline';

export interface LineReader {
  /** The next line, or null at the end of input (Ctrl-D, closed pipe, Ctrl-C). */
  read(prompt: string): Promise<string | null>;
  close(): void;
}

/** Read lines from `input`; with `output` (a terminal) prompts are shown and typing is edited there. */
export function readlineReader(input: NodeJS.ReadableStream, output?: NodeJS.WritableStream): LineReader {
  const rl = createInterface({ input, ...(output ? { output, terminal: true } : { terminal: false }), historySize: output ? 100 : 0 });
  const queue: string[] = [];
  let closed = false;
  let waiting: ((line: string | null) => void) | undefined;
  const deliver = (line: string | null) => {
    const w = waiting;
    waiting = undefined;
    w?.(line);
  };
  rl.on('line', (line) => (waiting ? deliver(line) : queue.push(line)));
  rl.on('close', () => {
    closed = true;
    // Ctrl-D or Ctrl-C at a prompt: end that line, so what follows starts on its own.
    if (output && waiting) output.write('\n');
    deliver(null);
  });
  // Ctrl-C ends the session like Ctrl-D (without a listener readline would only pause).
  rl.on('SIGINT', () => rl.close());
  return {
    read(prompt) {
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      if (closed) return Promise.resolve(null);
      if (output) {
        rl.setPrompt(prompt);
        rl.prompt();
      }
      return new Promise((resolve) => (waiting = resolve));
    },
    close() {
      if (!closed) rl.close();
    },
  };
}
