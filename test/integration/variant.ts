// For the integration tests: the exercise as a generated practice file has it (its recorded variant).
import * as fs from 'fs';
import * as vscode from 'vscode';
import { Exercise, ExerciseRef } from '../../src/core/syllabus/model';
import { seedFromHeader } from '../../src/core/practice/practiceFile';
import { instantiate } from '../../src/core/syllabus/variants';

/** The exercise instantiated with the seed the practice file at `uri` records. */
export function concrete(ref: ExerciseRef, uri: vscode.Uri): Exercise {
  return instantiate(ref.exercise, seedFromHeader(fs.readFileSync(uri.fsPath, 'utf8')) ?? 1).exercise;
}
