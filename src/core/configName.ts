/** The config file looked for in the working directory (kept apart: naming it must not load zod). */
export const CONFIG_FILE_NAME = 'smsmon.config.json';
