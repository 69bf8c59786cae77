/** Command group being written; registers its commands in `register`. */
import type { Command } from 'commander';
import type { Runner } from '../main.js';

export function register(_program: Command, _run: Runner): void {}
