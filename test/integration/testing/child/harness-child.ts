// Started by signal-cleanup.test.ts: brings up an NB + SB + ovn-northd through the harness, reports what
// it started on stdout as one JSON line, then waits to be killed — or, with `throw`, dies of an uncaught error.
import { startOvnCentral } from '../../../../src/testing/index.js';

const central = await startOvnCentral();
console.log(
  JSON.stringify({
    pids: [central.nb.pid, central.sb.pid, central.northd.pid],
    dirs: [...new Set([central.nb.dir, central.sb.dir, central.northd.dir])],
  }),
);
if (process.argv[2] === 'throw')
  setTimeout(() => {
    throw new Error('boom');
  }, 50);
else setInterval(() => {}, 1000);
