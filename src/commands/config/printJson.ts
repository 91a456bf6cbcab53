import { Output } from '../../sinks/output.js';
import { resultStream } from '../shared/quiet.js';

/** config show and config schema print one JSON document, indented. */
export async function printJson(value: unknown, options: { quiet?: boolean }): Promise<void> {
  const output = new Output(resultStream(options));
  output.write(`${JSON.stringify(value, null, 2)}\n`);
  await output.flush();
}
