import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { QUESTIONS_SCHEMA, SYLLABUS_SCHEMA } from '../../src/core/syllabus/schema';
import { readSettings, SETTING_DEFAULTS, settingId, SettingName } from '../../src/core/config';
import { Commands, Settings, Views } from '../../src/ids';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('package.json contributions', () => {
  it('declares exactly the commands of src/ids.ts, each in the Cert Path category', () => {
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepStrictEqual(declared, Object.values(Commands).sort());
    for (const c of pkg.contributes.commands) assert.strictEqual(c.category, 'Cert Path', c.command);
  });

  it('names only known commands and views in menus', () => {
    const known = new Set<string>(Object.values(Commands));
    for (const [menu, entries] of Object.entries<{ command: string }[]>(pkg.contributes.menus)) {
      for (const entry of entries) assert.ok(known.has(entry.command), `${menu}: ${entry.command}`);
    }
    assert.deepStrictEqual(
      pkg.contributes.views[Views.container].map((v: { id: string }) => v.id),
      [Views.syllabus],
    );
  });

  it('declares the settings with their defaults', () => {
    const props = pkg.contributes.configuration.properties;
    assert.strictEqual(props[`${Settings.section}.${Settings.pythonPath}`].default, '');
    assert.strictEqual(props[`${Settings.section}.${Settings.checkTimeoutSeconds}`].default, 10);
    assert.strictEqual(props[`${Settings.section}.${Settings.practiceFolder}`].default, '.cert-path');
    assert.strictEqual(props[`${Settings.section}.${Settings.solutionAfterFailedRuns}`].default, 3);
    assert.strictEqual(props[`${Settings.section}.${Settings.runOnSave}`].default, false);
  });

  it('declares every setting of core/config.ts with the same default, and no other', () => {
    const props = pkg.contributes.configuration.properties;
    const names = Object.keys(SETTING_DEFAULTS) as SettingName[];
    assert.deepStrictEqual(Object.keys(props).sort(), names.map(settingId).sort());
    for (const name of names)
      assert.deepStrictEqual(props[settingId(name)].default, SETTING_DEFAULTS[name], settingId(name));
    // The reader falls back to exactly these defaults when a setting is unset.
    assert.deepStrictEqual(
      readSettings(() => undefined),
      SETTING_DEFAULTS,
    );
  });

  it('wires the very schema files the loaders import into yamlValidation, and keeps packs out of Restricted Mode', () => {
    const root = path.join(__dirname, '..', '..', '..');
    const urls = pkg.contributes.yamlValidation.map((v: { url: string }) => path.normalize(path.join(root, v.url)));
    // The loaders' imports, read from their source: a schema moved or renamed on one side only fails here.
    const source = fs.readFileSync(path.join(root, 'src', 'core', 'syllabus', 'schema.ts'), 'utf8');
    const imported = [...source.matchAll(/^import \w+ from '([^']+\.schema\.json)';$/gm)].map((m) =>
      path.normalize(path.join(root, 'src', 'core', 'syllabus', m[1])),
    );
    assert.deepStrictEqual([...urls].sort(), [...imported].sort());
    for (const file of urls) assert.ok(fs.existsSync(file), file);
    assert.strictEqual(SYLLABUS_SCHEMA.constructor, Object);
    assert.strictEqual(QUESTIONS_SCHEMA.constructor, Object);
    assert.deepStrictEqual(
      pkg.contributes.configuration.properties[`${Settings.section}.${Settings.syllabusPaths}`].default,
      [],
    );
    assert.ok(
      pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(
        `${Settings.section}.${Settings.syllabusPaths}`,
      ),
    );
  });

  it('supports untrusted workspaces only in a limited way, restricting the interpreter setting', () => {
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'certPath.pythonPath',
      'certPath.mysql.host',
      'certPath.syllabusPaths',
    ]);
  });
});
