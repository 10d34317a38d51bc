// Syllabus packs (certPath.syllabusPaths) and where syllabus problems are shown: the Problems view at
// the file and line, the Cert Path output, and one notification when a pack is broken.
import * as path from 'path';
import * as vscode from 'vscode';
import { Syllabus, SyllabusProblem } from '../../core/syllabus/model';
import { formatProblem, SyllabusSource } from '../../core/syllabus/loader';
import { Settings } from '../../ids';
import { readYamlFolder, YAML_FILE } from './yamlFolder';

/** What reading the packs gave: their texts, and paths that could not be read. */
export interface PackSources {
  sources: SyllabusSource[];
  problems: SyllabusProblem[];
}

/** Where problems about the setting itself are filed (they have no YAML line). */
export const SETTING_PROBLEM_FILE = `settings: ${Settings.section}.${Settings.syllabusPaths}`;

/** Finds and reads the YAML files the certPath.syllabusPaths setting names. */
export class PackReader {
  private folders: string[] = [];
  private files: string[] = [];

  /** The configured entries, as written. */
  entries(): string[] {
    const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.syllabusPaths, []);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
  }

  /** Whether saving this file should reload the syllabus (it is a pack file or in a pack folder). */
  isPackFile(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' || !YAML_FILE.test(uri.fsPath)) return false;
    return this.files.includes(uri.fsPath) || this.folders.includes(path.dirname(uri.fsPath));
  }

  /** Candidate absolute paths of one entry: `~` expanded; relative ones against each workspace folder. */
  private candidates(entry: string): string[] {
    const home = process.env.HOME ?? process.env.USERPROFILE ?? '';
    const expanded = entry.trim().replace(/^~(?=$|[\\/])/, home);
    if (path.isAbsolute(expanded)) return [path.normalize(expanded)];
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => path.join(f.uri.fsPath, expanded));
  }

  /** Reads every configured file, and every `*.yaml` / `*.yml` directly inside configured folders. */
  async read(): Promise<PackSources> {
    const sources: SyllabusSource[] = [];
    const problems: SyllabusProblem[] = [];
    this.folders = [];
    this.files = [];
    const setting = (message: string) => problems.push({ file: SETTING_PROBLEM_FILE, line: 0, message });
    for (const entry of this.entries()) {
      const candidates = this.candidates(entry);
      if (candidates.length === 0) {
        setting(`\`${entry}\` is relative, but no folder is open: open the folder it is in, or write an absolute path`);
        continue;
      }
      let found = false;
      for (const abs of candidates) {
        const uri = vscode.Uri.file(abs);
        let type: vscode.FileType;
        try {
          type = (await vscode.workspace.fs.stat(uri)).type;
        } catch {
          continue;
        }
        found = true;
        if (type & vscode.FileType.Directory) {
          this.folders.push(abs);
          // Topic folders beside the pack files: saving a topic file reloads too.
          for (const [name, kind] of await vscode.workspace.fs.readDirectory(uri).then((e) => e, () => [] as [string, vscode.FileType][])) {
            if (kind & vscode.FileType.Directory) this.folders.push(path.join(abs, name));
          }
          const read = await readYamlFolder(uri, (name) => path.join(abs, name));
          if (!read) setting(`cannot read the folder \`${abs}\``);
          else if (!read.sources.length && !read.problems.length) setting(`the folder \`${abs}\` has no .yaml files`);
          sources.push(...(read?.sources ?? []));
          problems.push(...(read?.problems ?? []));
        } else if (YAML_FILE.test(abs)) {
          this.files.push(abs);
          try {
            sources.push({ file: abs, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) });
          } catch (error) {
            problems.push({ file: abs, line: 1, message: `cannot read the file: ${String(error)}` });
          }
          // Its topic files, if it lists any by id, are in the folder named after it.
          const topics = abs.replace(YAML_FILE, '');
          const read = await readYamlFolder(vscode.Uri.file(topics), (name) => path.join(topics, name));
          if (read) this.folders.push(topics);
          sources.push(...(read?.sources ?? []));
          problems.push(...(read?.problems ?? []));
        } else {
          setting(`\`${abs}\` is not a .yaml file or a folder of them`);
        }
      }
      if (!found) setting(`cannot find \`${entry}\` (looked at ${candidates.join(', ')}): fix or remove it in the ${Settings.section}.${Settings.syllabusPaths} setting`);
    }
    return { sources, problems };
  }
}

/** Shows syllabus problems in the Problems view (at file and line) and in the output. */
export class SyllabusProblems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('cert-path-syllabus');
  private lastShown = '';

  /**
   * @param extensionUri resolves built-in files (`syllabus/….yaml`); pack problems carry absolute paths
   * @param output the Cert Path output channel
   */
  constructor(private readonly extensionUri: vscode.Uri, private readonly output: vscode.OutputChannel) {}

  /** The file a problem is about, if it is a file. */
  uriOf(problem: SyllabusProblem): vscode.Uri | undefined {
    if (problem.file === SETTING_PROBLEM_FILE) return undefined;
    return path.isAbsolute(problem.file) ? vscode.Uri.file(problem.file) : vscode.Uri.joinPath(this.extensionUri, ...problem.file.split('/'));
  }

  /** Replaces what is shown with the problems of this load. */
  show(syllabus: Syllabus): void {
    this.diagnostics.clear();
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const problem of syllabus.problems) {
      const uri = this.uriOf(problem);
      if (!uri) continue;
      const line = Math.max(0, problem.line - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'Cert Path syllabus';
      const entry = byFile.get(uri.toString()) ?? { uri, list: [] };
      entry.list.push(diagnostic);
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, list } of byFile.values()) this.diagnostics.set(uri, list);
    const text = syllabus.problems.map((p) => (p.file === SETTING_PROBLEM_FILE ? `${p.file}: ${p.message}` : formatProblem(p)));
    const key = text.join('\n');
    if (key === this.lastShown) return;
    this.lastShown = key;
    if (!text.length) return;
    this.output.appendLine(`Syllabus problems (${text.length}); the files named are not loaded until fixed:`);
    for (const line of text) this.output.appendLine(`  ${line}`);
    const packs = syllabus.problems.filter((p) => !p.file.startsWith('syllabus/')).length;
    if (packs) {
      void vscode.window.showWarningMessage(`Cert Path: ${packs} problem${packs === 1 ? '' : 's'} in your syllabus packs (${Settings.section}.${Settings.syllabusPaths}); those files are left out until fixed. The built-in syllabus is loaded.`, 'Show Problems', 'Show Output').then((action) => {
        if (action === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
        if (action === 'Show Output') this.output.show(true);
      });
    }
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
