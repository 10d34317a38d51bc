// Syllabus packs (certPath.syllabusPaths): the files and folders the setting names, read for the loader.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { settingId } from '../../core/config';
import { SyllabusProblem } from '../../core/syllabus/model';
import { SyllabusSource } from '../../core/syllabus/model';
import { packCandidates } from '../../core/syllabus/packPaths';
import { Configuration } from '../config';
import { readYamlFolder, YAML_FILE } from './yamlFolder';

/** What reading the packs gave: their texts, and paths that could not be read. */
export interface PackSources {
  sources: SyllabusSource[];
  problems: SyllabusProblem[];
}

/** Where problems about the setting itself are filed (they have no YAML line). */
export const SETTING_PROBLEM_FILE = `settings: ${settingId('syllabusPaths')}`;

/** Finds and reads the YAML files the certPath.syllabusPaths setting names. */
export class PackReader {
  private folders: string[] = [];
  private files: string[] = [];

  constructor(private readonly config: Configuration) {}

  /** Whether saving this file should reload the syllabus (it is a pack file or in a pack folder). */
  isPackFile(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' || !YAML_FILE.test(uri.fsPath)) return false;
    return this.files.includes(uri.fsPath) || this.folders.includes(path.dirname(uri.fsPath));
  }

  /** Reads every configured file, and every `*.yaml` / `*.yml` directly inside configured folders (with their topic folders). */
  async read(): Promise<PackSources> {
    const out: PackSources = { sources: [], problems: [] };
    this.folders = [];
    this.files = [];
    const setting = (message: string) => out.problems.push({ file: SETTING_PROBLEM_FILE, line: 0, message });
    const folders = (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((f) => f.uri.fsPath);
    for (const entry of this.config.get().syllabusPaths) {
      const candidates = packCandidates(entry, os.homedir(), folders);
      if (candidates.length === 0) {
        setting(`\`${entry}\` is relative, but no folder is open: open the folder it is in, or write an absolute path`);
        continue;
      }
      let found = false;
      for (const abs of candidates) found = (await this.readPath(abs, out, setting)) || found;
      if (!found)
        setting(
          `cannot find \`${entry}\` (looked at ${candidates.join(', ')}): fix or remove it in the ${settingId('syllabusPaths')} setting`,
        );
    }
    return out;
  }

  /** Reads one candidate path into `out`; false when nothing is there. */
  private async readPath(abs: string, out: PackSources, setting: (message: string) => void): Promise<boolean> {
    const uri = vscode.Uri.file(abs);
    let type: vscode.FileType;
    try {
      type = (await vscode.workspace.fs.stat(uri)).type;
    } catch {
      return false;
    }
    if (type & vscode.FileType.Directory) {
      this.folders.push(abs);
      // Topic folders beside the pack files: saving a topic file reloads too.
      for (const [name, kind] of await vscode.workspace.fs.readDirectory(uri).then(
        (e) => e,
        () => [] as [string, vscode.FileType][],
      )) {
        if (kind & vscode.FileType.Directory) this.folders.push(path.join(abs, name));
      }
      const read = await readYamlFolder(uri, (name) => path.join(abs, name));
      if (!read) setting(`cannot read the folder \`${abs}\``);
      else if (!read.sources.length && !read.problems.length) setting(`the folder \`${abs}\` has no .yaml files`);
      out.sources.push(...(read?.sources ?? []));
      out.problems.push(...(read?.problems ?? []));
    } else if (YAML_FILE.test(abs)) {
      this.files.push(abs);
      try {
        out.sources.push({ file: abs, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) });
      } catch (error) {
        out.problems.push({ file: abs, line: 1, message: `cannot read the file: ${String(error)}` });
      }
      // Its topic files, if it lists any by id, are in the folder named after it.
      const topics = abs.replace(YAML_FILE, '');
      const read = await readYamlFolder(vscode.Uri.file(topics), (name) => path.join(topics, name));
      if (read) this.folders.push(topics);
      out.sources.push(...(read?.sources ?? []));
      out.problems.push(...(read?.problems ?? []));
    } else {
      setting(`\`${abs}\` is not a .yaml file or a folder of them`);
    }
    return true;
  }
}
