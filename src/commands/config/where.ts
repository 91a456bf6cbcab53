import { CONFIG_FILE_NAME } from '../../core/configName.js';

/** Where the config comes from, as the help of config and config show tells it. */
export const WHERE = `The file is --config PATH, else $SMSMON_CONFIG, else ./${CONFIG_FILE_NAME} if it exists;
without one every key has its default. DATABASE_URL, REDIS_URL, SMSMON_* and SMSMON__SECTION__KEY
environment variables override the file (see the README).`;
