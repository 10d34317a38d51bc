// State holders the VS Code layer shares: the loaded syllabus and the workspace's progress.
import * as vscode from 'vscode';
import { Syllabus } from '../core/model';
import { PROGRESS_KEY, ProgressState, readProgress } from '../core/progress';
import { loadSyllabus, SyllabusSource } from '../core/syllabusLoader';

/** Loads the syllabus YAML shipped in the extension's `syllabus/` folder. */
export class SyllabusService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Syllabus>();
  /** Fires after every (re)load. */
  readonly onDidChange = this.changed.event;
  private current: Syllabus = { certifications: [], problems: [] };
  private loaded = false;
  private compiledCopy = false;

  /**
   * @param folder the syllabus YAML folder (read on Refresh, or when there is no compiled copy)
   * @param compiled dist/syllabus.json, written and validated at build time (read at activation)
   */
  constructor(private readonly folder: vscode.Uri, private readonly compiled?: vscode.Uri) {}

  /** The syllabus as last loaded (empty before the first load). */
  get syllabus(): Syllabus {
    return this.current;
  }

  /** Whether the current syllabus came from the build's compiled copy (not the YAML). */
  get fromCompiled(): boolean {
    return this.compiledCopy;
  }

  /** Whether a load has finished. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Loads the build's compiled syllabus when there is one (fast), else the YAML. */
  async loadFast(): Promise<Syllabus> {
    if (this.compiled) {
      try {
        const data = JSON.parse(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(this.compiled))) as { certifications: Syllabus['certifications'] };
        this.current = { certifications: data.certifications, problems: [] };
        this.loaded = true;
        this.compiledCopy = true;
        this.changed.fire(this.current);
        return this.current;
      } catch {
        // no compiled copy (or an unreadable one): validate the YAML instead
      }
    }
    return this.load();
  }

  /** Reads and validates every `*.yaml` file; problems are kept, never thrown. */
  async load(): Promise<Syllabus> {
    const sources: SyllabusSource[] = [];
    let entries: [string, vscode.FileType][] = [];
    try {
      entries = await vscode.workspace.fs.readDirectory(this.folder);
    } catch (error) {
      this.current = { certifications: [], problems: [{ file: this.folder.fsPath, line: 1, message: `cannot read the syllabus folder: ${String(error)}` }] };
    }
    const files = entries.filter(([name, type]) => type === vscode.FileType.File && /\.ya?ml$/.test(name)).map(([name]) => name).sort();
    const unreadable: Syllabus['problems'] = [];
    for (const name of files) {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, name));
        sources.push({ file: `syllabus/${name}`, text: new TextDecoder('utf-8').decode(bytes) });
      } catch (error) {
        unreadable.push({ file: `syllabus/${name}`, line: 1, message: `cannot read the file: ${String(error)}` });
      }
    }
    if (entries.length) {
      const loaded = loadSyllabus(sources);
      this.current = { ...loaded, problems: [...unreadable, ...loaded.problems] };
    }
    this.loaded = true;
    this.compiledCopy = false;
    this.changed.fire(this.current);
    return this.current;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Progress in workspace state under one versioned key. */
export class ProgressStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProgressState>();
  /** Fires after every change. */
  readonly onDidChange = this.changed.event;
  private state: ProgressState;
  /** Entries that could not be read when the store opened (reported once in the output). */
  readonly droppedOnLoad: number;

  constructor(private readonly memento: vscode.Memento) {
    const raw = memento.get(PROGRESS_KEY);
    const { state, dropped } = readProgress(raw);
    this.state = state;
    this.droppedOnLoad = dropped;
    // Keep what could not be read beside the live key, so a later version can still recover it.
    if (dropped) void memento.update(`${PROGRESS_KEY}.unreadable`, raw);
  }

  /** The current progress. */
  get current(): ProgressState {
    return this.state;
  }

  /** Applies a pure change and persists it. */
  async update(change: (state: ProgressState) => ProgressState): Promise<ProgressState> {
    this.state = change(this.state);
    await this.memento.update(PROGRESS_KEY, this.state);
    this.changed.fire(this.state);
    return this.state;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
