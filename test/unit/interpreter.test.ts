import * as assert from 'assert';
import { withSetting } from '../../src/core/config';
import { candidates, choose, parseProbe, supported } from '../../src/core/interpreter/interpreter';

describe('interpreter candidates', () => {
  it('uses only the setting when the learner chose one', () => {
    assert.deepStrictEqual(candidates(' /opt/py/bin/python3 ', '/env/python', 'linux'), [
      { command: '/opt/py/bin/python3', args: [], source: 'setting' },
    ]);
  });

  it('tries the Python extension, then python3 and python on PATH', () => {
    assert.deepStrictEqual(
      candidates('', '/env/bin/python', 'linux').map((c) => [c.command, ...c.args].join(' ')),
      ['/env/bin/python', 'python3', 'python'],
    );
    assert.deepStrictEqual(
      candidates(undefined, undefined, 'darwin').map((c) => c.command),
      ['python3', 'python'],
    );
  });

  it('uses python and the py launcher on Windows', () => {
    assert.deepStrictEqual(
      candidates(undefined, undefined, 'win32').map((c) => [c.command, ...c.args].join(' ')),
      ['python', 'py -3', 'python3'],
    );
  });

  it('parses the probe output and rejects anything else', () => {
    assert.deepStrictEqual(parseProbe('3.11.7|/usr/bin/python3\n'), {
      version: [3, 11, 7],
      executable: '/usr/bin/python3',
    });
    assert.deepStrictEqual(parseProbe('3.12.1|C:\\Program Files\\Python 3\\python.exe'), {
      version: [3, 12, 1],
      executable: 'C:\\Program Files\\Python 3\\python.exe',
    });
    assert.strictEqual(
      parseProbe('Python was not found; run without arguments to install from the Microsoft Store'),
      undefined,
    );
  });

  it('accepts 3.8 and newer only', () => {
    assert.deepStrictEqual(
      [
        [2, 7, 18],
        [3, 6, 15],
        [3, 7, 16],
        [3, 8, 0],
        [3, 13, 0],
        [4, 0, 0],
      ].map((v) => supported(v as [number, number, number])),
      [false, false, false, true, true, true],
    );
  });

  it('explains what it found when nothing usable answered', () => {
    const py2 = { command: 'python', args: [], source: 'path' as const };
    const old = choose([
      { kind: 'missing', candidate: { command: 'python3', args: [], source: 'path' }, detail: 'ENOENT' },
      { kind: 'tooOld', candidate: py2, version: [2, 7, 18], executable: '/usr/bin/python2.7' },
    ]);
    assert.strictEqual(
      old.message,
      'Cert Path needs Python 3.8 or newer; found only Python 2.7.18 (/usr/bin/python2.7). Select a newer interpreter.',
    );
    const none = choose([
      { kind: 'missing', candidate: { command: 'python3', args: [], source: 'path' }, detail: 'ENOENT' },
      { kind: 'missing', candidate: py2, detail: 'ENOENT' },
    ]);
    assert.strictEqual(
      none.message,
      'No Python interpreter found (tried python3, python). Cert Path needs Python 3.8 or newer: install it or select an interpreter.',
    );
    const setting = choose([
      { kind: 'missing', candidate: { command: '/nope/python', args: [], source: 'setting' }, detail: 'ENOENT' },
    ]);
    // Core names no setting; the edge adds it (withSetting), so the learner still reads which one.
    assert.match(
      withSetting(setting.message!, setting.setting),
      /setting points to "\/nope\/python", which did not start \(ENOENT\).*\(setting certPath\.pythonPath\)/,
    );
  });
});
