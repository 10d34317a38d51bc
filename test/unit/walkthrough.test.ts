import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Commands, ContextKeys, Views, Walkthrough } from '../../src/ids';

const root = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

describe('Get Started walkthrough (package.json)', () => {
  const walkthroughs: { id: string; title: string; steps: Step[] }[] = pkg.contributes.walkthroughs ?? [];
  const walkthrough = walkthroughs.find((w) => w.id === Walkthrough.id);

  it('is declared once, with the steps of src/ids.ts in order', () => {
    assert.strictEqual(walkthroughs.length, 1);
    assert.ok(walkthrough, `walkthrough ${Walkthrough.id}`);
    assert.deepStrictEqual(
      walkthrough.steps.map((s) => s.id),
      [...Walkthrough.steps],
    );
  });

  it('gives every step a button for a command the extension (or VS Code, for the sidebar) has', () => {
    const known = new Set<string>([...Object.values(Commands), `workbench.view.extension.${Views.container}`]);
    for (const step of walkthrough!.steps) {
      // A link alone on its line is what VS Code draws as a button.
      const buttons = step.description
        .split('\n')
        .map((line) => /^\[[^\]]+\]\(command:([^)?]+)\)$/.exec(line)?.[1])
        .filter((c): c is string => !!c);
      assert.strictEqual(buttons.length, 1, `${step.id}: one command button`);
      assert.ok(known.has(buttons[0]), `${step.id}: unknown command ${buttons[0]}`);
    }
  });

  it('completes each step from a context key of src/ids.ts or the sidebar view, never from a bare command', () => {
    const walkthroughKeys = Object.values(ContextKeys).filter((k) => k.startsWith('certPath.walkthrough.'));
    const used: string[] = [];
    for (const step of walkthrough!.steps) {
      assert.ok(
        step.completionEvents?.length,
        `${step.id}: completionEvents (without them VS Code completes the step when its button is clicked)`,
      );
      for (const event of step.completionEvents) {
        assert.ok(
          !event.startsWith('onCommand:'),
          `${step.id}: ${event} would complete even when the command is cancelled`,
        );
        const context = /^onContext:(.+)$/.exec(event)?.[1];
        if (context) {
          assert.ok(
            walkthroughKeys.includes(context as (typeof walkthroughKeys)[number]),
            `${step.id}: ${context} is not a walkthrough key in src/ids.ts`,
          );
          used.push(context);
        } else {
          assert.strictEqual(event, `onView:${Views.syllabus}`, step.id);
        }
      }
    }
    assert.deepStrictEqual(
      used.sort(),
      [...walkthroughKeys].sort(),
      'every walkthrough key completes exactly one step',
    );
  });

  it('has a non-empty markdown page for every step, under media/walkthrough', () => {
    for (const step of walkthrough!.steps) {
      const file = step.media.markdown;
      assert.ok(file && /^media\/walkthrough\/[\w-]+\.md$/.test(file), `${step.id}: ${file}`);
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      assert.match(text, /^# \S/, `${file} starts with a heading`);
      assert.ok(text.length > 300, `${file} has real content`);
    }
  });
});
