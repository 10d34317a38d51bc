import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The table rows of a `## heading` section of the README, as arrays of cells. */
function tableRows(heading: string): string[][] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `README has a "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
    .slice(1) // the header row
    .map((l) => l.slice(2, -2).split(' | '));
}

describe('README.md agrees with package.json', () => {
  it('lists every setting once, with its type and default', () => {
    const rows = tableRows('Settings');
    const properties: Record<string, { type: string; default: unknown }> = pkg.contributes.configuration.properties;
    assert.deepStrictEqual(
      rows.map((r) => r[0]),
      Object.keys(properties).map((k) => `\`${k}\``),
    );
    Object.entries(properties).forEach(([key, { type: declared, default: value }], i) => {
      const [, type, shown] = rows[i];
      assert.strictEqual(type, declared === 'array' ? 'array of strings' : declared, `${key}: type`);
      const expected = value === '' ? 'empty' : `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
      assert.strictEqual(shown, expected, `${key}: default`);
    });
  });

  it('lists every command once, by its title', () => {
    const rows = tableRows('Commands');
    const titles = (pkg.contributes.commands as { title: string }[]).map((c) => c.title).sort();
    assert.deepStrictEqual(rows.map((r) => r[0]).sort(), titles);
  });

  it('shows only screenshots that exist, and the seven the UI test writes', () => {
    const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.deepStrictEqual(
      [...images].sort(),
      ['exam-result', 'exam', 'failed-check', 'lesson', 'readiness', 'sidebar', 'walkthrough'].map(
        (n) => `media/screenshots/${n}.png`,
      ),
    );
    for (const image of images) {
      const file = path.join(root, image);
      assert.ok(
        fs.existsSync(file) && fs.statSync(file).size > 10000,
        `${image} is missing: CERT_PATH_UI_README_SHOTS=1 node test/ui/run.js writes it`,
      );
    }
  });

  it('keeps the two set-up commands', () => {
    assert.ok(readme.includes('npm ci && npm start'));
    assert.ok(readme.includes('npm ci && npm test'));
  });
});
