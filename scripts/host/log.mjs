// Small console helpers for the host scripts: one prefix, and errors that say what to do.
export function info(msg) {
  process.stdout.write(`[loop-prep] ${msg}\n`);
}

/** An error whose message is shown as-is to the user, without a stack. */
export class UserFacingError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** Runs main(), prints UserFacingErrors plainly and anything else with its stack, and sets the exit code. */
export async function runMain(main) {
  try {
    const code = await main();
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (err) {
    if (err instanceof UserFacingError) {
      process.stderr.write(`\n[loop-prep] ${err.message}\n`);
    } else {
      process.stderr.write(`\n[loop-prep] unexpected failure: ${err && err.stack ? err.stack : err}\n`);
    }
    process.exitCode = 1;
  }
}
