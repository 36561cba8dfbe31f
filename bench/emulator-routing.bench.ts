// The emulator's route lookup on hostile paths: runs of slashes (a trailing-slash regex once made a 15k-slash path
// block for 146 ms). Time per character should stay flat as the path grows: linear, not quadratic.
import { routes } from '../packages/emulator/src/routes/index.js';
import { createRouter } from '../packages/emulator/src/server/router.js';

const find = createRouter(routes);
const ROUNDS = 50;

const rows = [1_000, 4_000, 15_000, 60_000].map((slashes) => {
  const paths = [
    `/api${'/'.repeat(slashes)}x`,
    `/${'/'.repeat(slashes)}`,
    `/api/company/webhooks${'/'.repeat(slashes)}`,
  ];
  for (const path of paths) find('GET', path); // warm-up
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const path of paths) find('GET', path);
  const ms = (performance.now() - started) / (ROUNDS * paths.length);
  return { slashes, 'ms per lookup': ms.toFixed(3), 'ns per character': ((ms * 1e6) / slashes).toFixed(1) };
});
console.table(rows);
