import type { Command } from 'commander';
export function registerLogsTail(_logs: Command): void {}
