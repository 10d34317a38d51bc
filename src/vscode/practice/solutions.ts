// Reference solutions as read-only documents (`cert-path-solution:/cert/topic/exercise.py?seed=…`).
import * as vscode from 'vscode';
import { findExercise } from '../../core/syllabus/index';
import { ExerciseRef } from '../../core/syllabus/model';
import { instantiate } from '../../core/syllabus/variants';
import { SOLUTION_SCHEME } from '../../ids';
import { SyllabusService } from '../syllabus/service';

/** Serves the solution of an exercise, for the variant its practice file records. */
export class SolutionDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly syllabus: SyllabusService) {}

  /** The solution document's URI for an exercise (and the variant seed its practice file records). */
  static uriFor(ref: ExerciseRef, seed?: number): vscode.Uri {
    return vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${ref.key}.py`, query: seed ? `seed=${seed}` : '' });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const key = uri.path.replace(/^\//, '').replace(/\.py$/, '');
    const ref = findExercise(this.syllabus.syllabus, key);
    if (!ref) return `# No exercise ${key} in the syllabus.\n`;
    const seed = Number(new URLSearchParams(uri.query).get('seed')) || 1;
    const { exercise } = instantiate(ref.exercise, seed);
    const extra = (exercise.files ?? [])
      .map((f) => `\n# ---- ${f.path} ${'-'.repeat(Math.max(0, 70 - f.path.length))}\n${f.solution}`)
      .join('');
    return `# Reference solution: ${ref.exercise.title} (${ref.cert.shortTitle} › ${ref.topic.title})\n# Read-only. Compare it with yours; your file is never changed.\n\n${exercise.solution}${extra}`;
  }
}
