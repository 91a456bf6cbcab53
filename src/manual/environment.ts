import { GENERIC_ENV_PREFIX, NAMED_ENV_KEYS } from '../core/configEnv.js';
import { CONFIG_FILE_NAME } from '../core/configName.js';
import { FAMILIES } from '../core/families.js';

/** The variables smsmon reads, for the manual: the config's own list, then the rest. */
export const ENVIRONMENT: readonly { name: string; meaning: string }[] = [
  {
    name: 'SMSMON_CONFIG',
    meaning: `the config file when --config is not given (else ./${CONFIG_FILE_NAME} if present)`,
  },
  ...Object.entries(NAMED_ENV_KEYS).map(([name, key]) => ({ name, meaning: `sets the config key ${key}` })),
  {
    name: `${GENERIC_ENV_PREFIX}SECTION__KEY`,
    meaning: `sets any config key: __ nests, e.g. ${GENERIC_ENV_PREFIX}HEALTH__WARN_MS=250; the value is read as JSON unless the key is a string`,
  },
  { name: 'NO_COLOR', meaning: 'set and not empty: no colours (no-color.org) and no spinners' },
  {
    name: 'FORCE_COLOR',
    meaning:
      'set, not empty and not 0: colours even through a pipe (wins over NO_COLOR; --color wins over both)',
  },
  { name: 'CI', meaning: 'set (not false or 0): no spinners or progress line' },
  { name: 'SMSMON_DEBUG', meaning: '1: an internal error prints its stack, mapped to the sources' },
  {
    name: 'XDG_STATE_HOME',
    meaning: 'where the spool file lives by default: $XDG_STATE_HOME/smsmon/spool.ndjson',
  },
  {
    name: 'TZ',
    meaning: "this machine's zone, the logs' zone unless --tz or the config's tz says otherwise",
  },
];

export const FILES: readonly { name: string; meaning: string }[] = [
  {
    name: `./${CONFIG_FILE_NAME}`,
    meaning: 'the config file, when neither --config nor SMSMON_CONFIG names one',
  },
  {
    name: `./logs/${Object.values(FAMILIES)
      .map((family) => family.fileName)
      .join(', ')}`,
    meaning:
      'the log families and their rotated siblings (.1, .2, … and .gz); --dir, SMSMON_LOG_DIR or logDir elsewhere',
  },
  {
    name: '~/.local/state/smsmon/spool.ndjson',
    meaning: 'snapshots waiting while Redis is down (spool.path; under $XDG_STATE_HOME when set)',
  },
];
