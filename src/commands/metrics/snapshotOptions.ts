import { Option, type Command } from 'commander';
import { colorOption, noColorOption } from '../shared/colour.js';
import { quietOption } from '../shared/quiet.js';
import { addTableWidthOptions } from '../shared/tableWidth.js';

/** The sources, as the help of collect and snapshot tells them. */
export const SOURCES_TEXT = `Sources: system (CPU, memory, disks of system.mounts, load, network), database (the guide's
application metrics from PostgreSQL: --db, DATABASE_URL or database.url; skipped when none is set)
and logs (app.log* of the last hour: records and errors by level, error_rate %, processing_time
p50/p95). Each fails on its own: the others still come out and the failure is named.`;

/** How collect and snapshot print the snapshot they took. */
export function addSnapshotOutputOptions(command: Command): Command {
  return addTableWidthOptions(command)
    .option('--host <name>', 'host name the snapshot is filed under (default: this machine)')
    .addOption(new Option('--json', 'the snapshot as one JSON document').conflicts('ndjson'))
    .option('--ndjson', 'one JSON object per metric')
    .addOption(quietOption())
    .addOption(colorOption())
    .addOption(noColorOption());
}
