import * as assert from 'assert';
import { killCommand, killMarked } from '../../src/node/runner/process';

describe('ending a run on each platform', () => {
  it('ends the whole process tree with taskkill on Windows', () => {
    assert.deepStrictEqual(killCommand(4242, 'win32'), { command: 'taskkill', args: ['/pid', '4242', '/T', '/F'] });
  });

  it('signals the process group on Linux and macOS', () => {
    assert.deepStrictEqual(killCommand(4242, 'linux'), { group: -4242 });
    assert.deepStrictEqual(killCommand(4242, 'darwin'), { group: -4242 });
  });

  it('sweeps marked processes only where /proc exists', async () => {
    assert.strictEqual(await killMarked('no-such-run', 'darwin'), 0);
    assert.strictEqual(await killMarked('no-such-run', 'win32'), 0);
    assert.strictEqual(await killMarked('no-such-run', 'linux'), 0, 'no process carries an unknown marker');
  });
});
