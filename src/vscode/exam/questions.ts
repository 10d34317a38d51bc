// The question banks: compiled at build time, or read from YAML when the syllabus was.
import * as vscode from 'vscode';
import { Question } from '../../core/exam/question';
import type { QuestionBank } from '../../core/exam/questionLoader';
import { yamlLoader } from '../syllabus/yamlLoader';
import { formatProblem } from '../../core/syllabus/model';
import { SyllabusService } from '../syllabus/service';
import { readYamlFolder } from '../syllabus/yamlFolder';

/** The question banks: compiled at build time, or read from YAML when the syllabus was. */
export class QuestionService implements vscode.Disposable {
  private cached?: Promise<QuestionBank>;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly folder: vscode.Uri,
    private readonly compiled: vscode.Uri | undefined,
    private readonly syllabus: SyllabusService,
    private readonly output: vscode.OutputChannel,
  ) {
    // A reloaded syllabus may rename topics: validate the banks again on next use.
    this.subscription = syllabus.onDidChange(() => (this.cached = undefined));
  }

  /** The loaded bank (problems are written to the output, never thrown). */
  bank(): Promise<QuestionBank> {
    this.cached ??= this.load().then((bank) => {
      for (const p of bank.problems) this.output.appendLine(formatProblem(p));
      return bank;
    });
    return this.cached;
  }

  private async load(): Promise<QuestionBank> {
    const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
    const compiled = async (): Promise<QuestionBank | undefined> => {
      if (!this.compiled) return undefined;
      try {
        const data = JSON.parse(decode(await vscode.workspace.fs.readFile(this.compiled))) as { questions: Question[] };
        return { questions: data.questions, problems: [] };
      } catch {
        return undefined;
      }
    };
    const fromBuild = this.syllabus.fromCompiled ? await compiled() : undefined;
    if (fromBuild) return fromBuild;
    const read = await readYamlFolder(this.folder, (name) => `syllabus/questions/${name}`);
    // A packaged extension ships only the compiled bank.
    if (!read)
      return (
        (await compiled()) ?? {
          questions: [],
          problems: [
            {
              file: 'syllabus/questions',
              line: 1,
              message:
                'the question banks are missing (no dist/questions.json and no syllabus/questions folder): reinstall the extension',
            },
          ],
        }
      );
    const bank = yamlLoader().loadQuestions(read.sources, this.syllabus.syllabus);
    return { questions: bank.questions, problems: [...read.problems, ...bank.problems] };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
