/**
 * Reading a request body with a size limit, for the platforms' routes on the
 * bot's server (shared here because bot/slack and bot/teams never import
 * each other). No SDK import.
 */
import type { IncomingMessage } from 'node:http';

/**
 * The body, at most `limit` bytes. `null` when it is larger (declared or
 * actual): the rest is drained unbuffered. Rejects on a request error.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = Number(req.headers['content-length']) > limit;
    req.on('data', (chunk: Buffer) => {
      if (tooBig) return;
      size += chunk.length;
      if (size > limit) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
  });
}
