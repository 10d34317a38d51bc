// Practice files on disk: where they go, which exercise a file belongs to, writing, resetting and
// opening them. Never overwrites a learner's file.
import * as path from 'path';
import * as vscode from 'vscode';
import { settingId } from '../../core/config';
import { findExercise } from '../../core/syllabus/index';
import { Exercise, ExerciseRef } from '../../core/syllabus/model';
import {
  backupName,
  practiceRelativePath,
  renderPracticeFile,
  seedFromHeader,
  VARIANT_TAG,
} from '../../core/practice/practiceFile';
import { exerciseAt, mainFileOf, underPracticeRoot } from '../../core/practice/location';
import { instantiate, newSeed, ParamValue } from '../../core/syllabus/variants';
import { recordGenerated } from '../../core/progress/progress';
import { Configuration } from '../config';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';

const exists = (uri: vscode.Uri) =>
  Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );

/** Where practice files live and which exercise a file belongs to. */
export class PracticeFiles implements vscode.Disposable {
  private readonly generated = new vscode.EventEmitter<{ ref: ExerciseRef; uri: vscode.Uri; created: boolean }>();
  /** Fires when generate() has written (or found) an exercise's practice file and opened it. */
  readonly onDidGenerate = this.generated.event;

  constructor(
    private readonly syllabus: SyllabusService,
    private readonly progress: ProgressStore,
    private readonly config: Configuration,
    private readonly globalStorage: vscode.Uri,
    private readonly runnerSource: string,
  ) {}

  /** Practice roots: one per workspace folder, plus global storage (used with no folder open). */
  roots(): vscode.Uri[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return [
      ...folders.map((f) => vscode.Uri.joinPath(f.uri, this.config.get(f.uri).practiceFolder)),
      vscode.Uri.joinPath(this.globalStorage, 'practice'),
    ];
  }

  private rootPaths(): string[] {
    return this.roots().map((r) => r.fsPath);
  }

  /**
   * The root new files go to: global storage with no folder open; with several folders, the one of
   * the active editor, else the one the learner picks.
   */
  async rootForNewFile(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return vscode.Uri.joinPath(this.globalStorage, 'practice');
    const editor = vscode.window.activeTextEditor;
    const active = editor && vscode.workspace.getWorkspaceFolder(editor.document.uri);
    const folder =
      folders.length === 1
        ? folders[0]
        : (active ??
          (await vscode.window.showWorkspaceFolderPick({
            placeHolder: 'Which folder should hold the practice file?',
          })));
    return folder ? vscode.Uri.joinPath(folder.uri, this.config.get(folder.uri).practiceFolder) : undefined;
  }

  /** The exercise a file belongs to: by its place under a practice root, else by its header line. */
  exerciseFor(uri: vscode.Uri, text?: string): ExerciseRef | undefined {
    const current = this.syllabus.syllabus;
    return exerciseAt(this.rootPaths(), uri.fsPath, (key) => findExercise(current, key), text);
  }

  /** The main file of the exercise that `uri` belongs to (itself, unless it is another file of a multi-file exercise). */
  mainFile(ref: ExerciseRef, uri: vscode.Uri): vscode.Uri {
    const main = mainFileOf(this.rootPaths(), ref, uri.fsPath);
    return main === uri.fsPath ? uri : vscode.Uri.file(main);
  }

  /** Whether a path is under a practice root (for the file watcher). */
  isPracticePath(uri: vscode.Uri): boolean {
    return underPracticeRoot(this.rootPaths(), uri.fsPath);
  }

  /** The exercise's practice file if one exists under any practice root. */
  async existing(ref: ExerciseRef): Promise<vscode.Uri | undefined> {
    for (const root of this.roots()) {
      const uri = vscode.Uri.joinPath(root, ...practiceRelativePath(ref));
      if (await exists(uri)) return uri;
    }
    return undefined;
  }

  /** The exercise as the file at `main` has it: instantiated with the variant seed its header records. */
  async variant(
    ref: ExerciseRef,
    main: vscode.Uri,
  ): Promise<{ exercise: Exercise; params: Record<string, ParamValue>; seed?: number; problem?: string }> {
    if (!ref.exercise.params) return { exercise: ref.exercise, params: {} };
    const text = await Promise.resolve(vscode.workspace.fs.readFile(main)).then(
      (b) => new TextDecoder().decode(b),
      () => '',
    );
    const seed = seedFromHeader(text);
    if (seed === undefined) {
      return {
        ...instantiate(ref.exercise, 1),
        problem: `The header line "${VARIANT_TAG} <number>" of this practice file is missing or damaged, so Cert Path cannot tell which variant you are solving. Put it back, or use "Cert Path: Reset Exercise" for a fresh variant (your version is kept).`,
      };
    }
    return { ...instantiate(ref.exercise, seed), seed };
  }

  /** Writes the exercise's files for a new variant: main file first, then any extra files. */
  private async write(ref: ExerciseRef, main: vscode.Uri, overwriteExtras: boolean): Promise<void> {
    const seed = ref.exercise.params ? newSeed() : undefined;
    const { exercise, params } = instantiate(ref.exercise, seed ?? 1);
    const folder = vscode.Uri.joinPath(main, '..');
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(
      main,
      new TextEncoder().encode(
        renderPracticeFile({ ...ref, exercise }, this.runnerSource, seed === undefined ? undefined : { seed, params }),
      ),
    );
    for (const file of exercise.files ?? []) {
      const uri = vscode.Uri.joinPath(folder, ...file.path.split('/'));
      if (!overwriteExtras && (await exists(uri))) continue; // never overwrite a learner's file
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.starter));
    }
  }

  /** Restores the starter code (a fresh variant), first copying each of the learner's files beside itself; returns the copies' names. */
  async reset(ref: ExerciseRef, main: vscode.Uri): Promise<string[]> {
    const folder = vscode.Uri.joinPath(main, '..');
    const files = [main, ...(ref.exercise.files ?? []).map((f) => vscode.Uri.joinPath(folder, ...f.path.split('/')))];
    const backups: string[] = [];
    for (const uri of files) {
      if (!(await exists(uri))) continue;
      const dir = vscode.Uri.joinPath(uri, '..');
      const names = new Set((await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name));
      const backup = backupName(path.basename(uri.fsPath), (n) => names.has(n));
      await vscode.workspace.fs.copy(uri, vscode.Uri.joinPath(dir, backup), { overwrite: false });
      backups.push(path.relative(folder.fsPath, vscode.Uri.joinPath(dir, backup).fsPath).split(path.sep).join('/'));
    }
    await this.write(ref, main, true);
    return backups;
  }

  /** Opens the exercise's practice file, creating it (and its extra files) first if it does not exist. Never overwrites. */
  async generate(ref: ExerciseRef): Promise<{ uri: vscode.Uri; created: boolean } | undefined> {
    const root = await this.rootForNewFile();
    if (!root) return undefined;
    const uri = vscode.Uri.joinPath(root, ...practiceRelativePath(ref));
    let created = false;
    if (!(await exists(uri))) {
      try {
        await this.write(ref, uri, false);
      } catch (error) {
        const reason = error instanceof vscode.FileSystemError ? error.code : String(error);
        void vscode.window.showErrorMessage(
          `Cert Path could not create ${uri.fsPath} (${reason}). Make sure the practice folder can be written, or choose another with the setting ${settingId('practiceFolder')}.`,
        );
        return undefined;
      }
      created = true;
      await this.progress.update((s) => recordGenerated(s, ref.key, new Date()));
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    this.generated.fire({ ref, uri, created });
    return { uri, created };
  }

  dispose(): void {
    this.generated.dispose();
  }
}
