/**
 * The browser-mode station process (serveBrowserStation, as `npm start` runs it) with a station event listener that
 * throws on every event. With ECMS_TEST_CRASH=1 it also throws an error nothing catches once a scale reading arrives.
 */
import { serveBrowserStation } from '../../electron/host/runBrowserStation.ts';
import { EVENT_NAMES } from '../../shared/contract/commandNames.ts';

await serveBrowserStation(process.argv.slice(2), process.env, (running) => {
  running.station.events.subscribeAll(() => {
    throw new Error('a listener bug');
  }, EVENT_NAMES);
  if (process.env['ECMS_TEST_CRASH'] === '1') {
    running.station.events.subscribe('weight', () => {
      setTimeout(() => {
        throw new Error('nothing catches this');
      }, 0);
    });
  }
});
