// Lookups over a loaded syllabus, built once per load (a syllabus object is never changed after it is
// loaded): exercises by progress key, certifications by id, the exercises of each certification.
import { allExercises, ExamCertification, ExerciseRef, Syllabus } from './model';

/** Maps over one loaded syllabus. */
export interface SyllabusIndex {
  exercises: ExerciseRef[];
  byKey: Map<string, ExerciseRef>;
  certs: Map<string, ExamCertification>;
  byCert: Map<string, ExerciseRef[]>;
}

const built = new WeakMap<Syllabus, SyllabusIndex>();

/** The index of a syllabus (built on first use, then reused for that syllabus object). */
export function indexOf(syllabus: Syllabus): SyllabusIndex {
  let index = built.get(syllabus);
  if (!index) {
    const exercises = allExercises(syllabus);
    const byCert = new Map<string, ExerciseRef[]>();
    for (const ref of exercises) byCert.set(ref.cert.id, [...(byCert.get(ref.cert.id) ?? []), ref]);
    index = {
      exercises,
      byKey: new Map(exercises.map((r) => [r.key, r])),
      certs: new Map(
        syllabus.certifications.filter((c): c is ExamCertification => c.kind === 'exam').map((c) => [c.id, c]),
      ),
      byCert,
    };
    built.set(syllabus, index);
  }
  return index;
}

/** Looks an exercise up by its progress key. */
export function findExercise(syllabus: Syllabus, key: string): ExerciseRef | undefined {
  return indexOf(syllabus).byKey.get(key);
}
