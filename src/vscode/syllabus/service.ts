// The loaded syllabus: the build's compiled copy or the YAML, plus the packs, reloaded on demand.
import * as vscode from 'vscode';
import { Syllabus } from '../../core/syllabus/model';
import { yamlLoader } from './yamlLoader';
import { readYamlFolder } from './yamlFolder';
import type { PackSources } from './packs';

/** The built-in syllabus (the build's compiled copy, or the YAML in development) plus any packs. */
export class SyllabusService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Syllabus>();
  /** Fires after every (re)load. */
  readonly onDidChange = this.changed.event;
  private current: Syllabus = { certifications: [], problems: [] };
  private loaded = false;
  private compiledCopy = false;

  /**
   * @param folder the syllabus YAML folder (present in development; a packaged extension ships only the compiled copy)
   * @param compiled dist/syllabus.json, written and validated at build time (read at activation)
   * @param packs reads the extra files named by certPath.syllabusPaths
   */
  constructor(
    private readonly folder: vscode.Uri,
    private readonly compiled?: vscode.Uri,
    private readonly packs?: { read(): Promise<PackSources> },
  ) {}

  /** The syllabus as last loaded (empty before the first load). */
  get syllabus(): Syllabus {
    return this.current;
  }

  /** Whether the built-in part came from the build's compiled copy (not the YAML). */
  get fromCompiled(): boolean {
    return this.compiledCopy;
  }

  /** Whether a load has finished. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Loads the build's compiled syllabus when there is one (fast), else the YAML; then the packs. */
  async loadFast(): Promise<Syllabus> {
    const base = (await this.readCompiled()) ?? (await this.readFolder()) ?? this.missing();
    return this.finish(base);
  }

  /** Reloads (Refresh, a changed pack): the YAML when it is there (development), else the compiled copy; then the packs. */
  async load(): Promise<Syllabus> {
    const base = (await this.readFolder()) ?? (await this.readCompiled()) ?? this.missing();
    return this.finish(base);
  }

  private missing(): Syllabus {
    this.compiledCopy = false;
    return {
      certifications: [],
      problems: [
        {
          file: this.folder.fsPath,
          line: 1,
          message:
            'the built-in syllabus is missing (no dist/syllabus.json and no syllabus folder): reinstall the extension',
        },
      ],
    };
  }

  private async readCompiled(): Promise<Syllabus | undefined> {
    if (!this.compiled) return undefined;
    try {
      const data = JSON.parse(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(this.compiled))) as {
        certifications: Syllabus['certifications'];
      };
      this.compiledCopy = true;
      return { certifications: data.certifications, problems: [] };
    } catch {
      return undefined; // no compiled copy (or an unreadable one): validate the YAML instead
    }
  }

  /** Reads and validates every `*.yaml` file of the folder; undefined when there is no folder. */
  private async readFolder(): Promise<Syllabus | undefined> {
    const read = await readYamlFolder(this.folder, (name) => `syllabus/${name}`);
    if (!read || (!read.sources.length && !read.problems.length)) return undefined;
    const loaded = yamlLoader().loadSyllabus(read.sources);
    this.compiledCopy = false;
    return { ...loaded, problems: [...read.problems, ...loaded.problems] };
  }

  /** Adds the packs on top of the built-in certifications; a broken pack only adds problems. */
  private async finish(base: Syllabus): Promise<Syllabus> {
    const packs = this.packs ? await this.packs.read() : { sources: [], problems: [] };
    const merged = packs.sources.length
      ? yamlLoader().loadSyllabus(packs.sources, base.certifications)
      : { certifications: base.certifications, problems: [] };
    this.current = {
      certifications: merged.certifications,
      problems: [...base.problems, ...packs.problems, ...merged.problems],
    };
    this.loaded = true;
    this.changed.fire(this.current);
    return this.current;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
