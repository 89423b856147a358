/**
 * The bundle's entry (`npm run build:cli`): runs the command line. `src/cli/main.ts` does the same when
 * it is itself the process's main module (the tsc build in dist/node/); inside a bundle it never is.
 */
import { main } from './main';
import { allowShortRunTier } from './shortRun';

// not in the build's code-cache run (launch.ts): the cache must be made under V8's default flags
if (process.env.AVVIKELSE_WRITE_CODE_CACHE !== '1') allowShortRunTier();

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`avvikelse: oväntat fel: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(3);
  },
);
