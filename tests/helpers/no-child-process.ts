/**
 * node:child_process in the unit tier (jest.config.js maps it here): a unit test starts no process,
 * so one that tries, directly or through a helper, fails at once and names the tier it belongs in.
 */
const refuse = (name: string) => () => {
  throw new Error(`${name}: the unit tier starts no child processes; move the test to the integration or e2e tier (jest.config.js)`);
};

export const spawn = refuse('spawn');
export const spawnSync = refuse('spawnSync');
export const exec = refuse('exec');
export const execSync = refuse('execSync');
export const execFile = refuse('execFile');
export const execFileSync = refuse('execFileSync');
export const fork = refuse('fork');
