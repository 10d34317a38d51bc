// Validates parsed YAML against the JSON Schemas shipped in syllabus/schema (the same files the YAML
// extension uses for completion), and words each schema error as a `file:line` problem.
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Document, isMap, isScalar, LineCounter, Node } from 'yaml';
import questionsSchema from '../../../syllabus/schema/questions.schema.json';
import syllabusSchema from '../../../syllabus/schema/syllabus.schema.json';
import { SyllabusProblem } from './model';
import { editDistance } from './yamlReader';

/** A path into a parsed document: map keys and list indexes. */
export type DataPath = (string | number)[];

/** Names what sits at a path, e.g. "exercise `add-two`", for messages. */
export type Labeler = (path: DataPath) => string;

/** Compiles each schema once, on first use: ajv is loaded only when something is validated. */
export class SchemaValidator {
  private ajv: Ajv | undefined;
  private readonly compiled = new Map<object, ValidateFunction>();

  /** The errors of `data` against `schema` (empty when it is valid). */
  errors(schema: object, data: unknown): ErrorObject[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      // Loaded here, not at the top: activation reads the build's pre-validated syllabus and never needs ajv.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
      this.ajv ??= new AjvClass({
        allErrors: true,
        verbose: true,
        strict: true,
        strictRequired: false,
        allowUnionTypes: true,
      });
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }
}

/** The syllabus file schema (certification, credential or pack extension). */
export const SYLLABUS_SCHEMA: object = syllabusSchema;
/** The question bank schema. */
export const QUESTIONS_SCHEMA: object = questionsSchema;

// Compiling a schema costs milliseconds, so the loaders share one validator per process.
let shared: SchemaValidator | undefined;
/** The validator the loaders share. */
export function sharedValidator(): SchemaValidator {
  return (shared ??= new SchemaValidator());
}

/** Decodes an ajv instance path ("/domains/0/title") into keys and indexes. */
export function pathOf(instancePath: string, data: unknown): DataPath {
  const out: DataPath = [];
  let here: unknown = data;
  for (const raw of instancePath.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(here) && /^\d+$/.test(part) ? Number(part) : part;
    out.push(key);
    here = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[key as string] : undefined;
  }
  return out;
}

/** Where a path points in the YAML text. */
export class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** The node at `path` (or its nearest existing ancestor). */
  node(path: DataPath): Node | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (node && typeof node === 'object') return node as Node;
    }
    return undefined;
  }

  /** The key node of `key` in the mapping at `path`. */
  keyNode(path: DataPath, key: string): Node | undefined {
    const map = this.node(path);
    if (!isMap(map)) return map;
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    return (pair?.key as Node | undefined) ?? map;
  }

  /** 1-based line of a node. */
  lineOfNode(node: Node | undefined): number {
    return this.lines.linePos(node?.range?.[0] ?? 0).line;
  }

  /** 1-based line of what is at `path`. */
  line(path: DataPath): number {
    return this.lineOfNode(this.node(path));
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  array: 'a list',
  object: 'a mapping with fields',
  boolean: 'true or false',
  null: 'empty',
};

function lcFirst(text: string): string {
  return text ? text[0].toLowerCase() + text.slice(1) : text;
}

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** "`key` in <what>", or for a list entry "every entry of `key` in <what>", or the file itself. */
function subjectOf(path: DataPath, label: Labeler, root: string): string {
  if (path.length === 0) return root;
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof last === 'number')
    return `every entry of \`${String(parent[parent.length - 1])}\` in ${label(parent.slice(0, -1))}`;
  return `\`${last}\` in ${label(parent)}`;
}

/** What one error is about, for the wording functions. */
interface ErrorContext {
  e: ErrorObject;
  path: DataPath;
  subject: string;
  schema: {
    description?: string;
    minimum?: number;
    maximum?: number;
    properties?: Record<string, unknown>;
    pattern?: string;
  };
  p: Record<string, unknown>;
  line: number;
  label: Labeler;
  root: string;
  at: Locator;
}

type Worded = { line: number; message: string };

/** Errors about fields: missing, unknown, of the wrong type, misnamed. */
function wordField(x: ErrorContext): Worded | undefined {
  const { e, path, subject, schema, p, line, label, root, at } = x;
  switch (e.keyword) {
    case 'required':
      return { line, message: `missing field \`${String(p.missingProperty)}\` in ${label(path)}` };
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const near = Object.keys(schema.properties ?? {}).find((k) => editDistance(k, key) <= 2);
      return {
        line: at.lineOfNode(at.keyNode(path, key)),
        message: `unknown field \`${key}\` in ${label(path)}${near ? ` (did you mean \`${near}\`?)` : ''}`,
      };
    }
    case 'type': {
      if (path.length === 0) return { line, message: `${root} must be a mapping of fields at the top level` };
      const hint = p.type === 'string' && typeof e.data === 'number' ? ' (quote numbers, e.g. "1.1")' : '';
      return {
        line,
        message: `${subject} must be ${String(p.type)
          .split(',')
          .map((t) => TYPE_WORDS[t] ?? t)
          .join(' or ')}${hint}`,
      };
    }
    case 'propertyNames':
      return {
        line: at.lineOfNode(at.keyNode(path, String(p.propertyName))),
        message: `name \`${String(p.propertyName)}\` in ${subject} must be ${lcFirst((e.schema as { description?: string }).description ?? 'valid')}`,
      };
    case 'dependencies':
    case 'dependentRequired':
      return {
        line,
        message: `${path.length ? label(path) : root}: \`${String(p.property)}\` needs \`${String(p.missingProperty)}\``,
      };
    case 'oneOf':
    case 'anyOf':
      return {
        line,
        message: `${path.length ? label(path) : root}: write ${schema.description ?? 'one of the allowed forms'}`,
      };
    default:
      return undefined;
  }
}

/** Errors about values: patterns, allowed values, sizes and ranges. */
function wordValue(x: ErrorContext): Worded {
  const { e, path, subject, schema, p, line, label } = x;
  const described = schema.description ? ` (${schema.description})` : '';
  const last = path[path.length - 1];
  switch (e.keyword) {
    case 'pattern': {
      const like = lcFirst(schema.description ?? `like ${String(p.pattern)}`);
      if (schema.pattern === '\\S')
        return {
          line,
          message: typeof last === 'number' ? `${subject} must be non-empty text` : `${subject} is empty`,
        };
      if (last === 'id') return { line, message: `id ${code(e.data)} in ${label(path.slice(0, -1))} must be ${like}` };
      return { line, message: `${subject}: ${code(e.data)} must be ${like}` };
    }
    case 'enum':
      return { line, message: `${subject} must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { line, message: `${subject} must be ${code(p.allowedValue)}` };
    case 'minItems':
      return {
        line,
        message:
          p.limit === 1
            ? `${subject} must be a non-empty list`
            : `${subject} needs at least ${String(p.limit)} entries${described}`,
      };
    case 'maxItems':
      return { line, message: `${subject} takes at most ${String(p.limit)} entries${described}` };
    case 'minProperties':
      return { line, message: `${subject} needs at least ${String(p.limit)} ${p.limit === 1 ? 'entry' : 'entries'}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const range = schema.minimum !== undefined && schema.maximum !== undefined;
      return {
        line,
        message: range
          ? `${subject} must be between ${schema.minimum} and ${schema.maximum}`
          : `${subject} must be ${String(p.comparison)} ${String(p.limit)}`,
      };
    }
    default:
      return { line, message: `${subject} ${e.message ?? 'is not valid'}` };
  }
}

/** One schema error, worded: the line it is at and what to say. */
function wordError(e: ErrorObject, data: unknown, at: Locator, label: Labeler, root: string): Worded {
  const path = pathOf(e.instancePath, data);
  const x: ErrorContext = {
    e,
    path,
    subject: subjectOf(path, label, root),
    schema: (e.parentSchema ?? {}) as ErrorContext['schema'],
    p: e.params as Record<string, unknown>,
    line: at.line(path),
    label,
    root,
    at,
  };
  return wordField(x) ?? wordValue(x);
}

/**
 * Words schema errors as problems at the right line. Errors inside a failed `oneOf`/`anyOf` branch are
 * folded into that keyword's one message, and `if` errors (which only say a branch failed) are dropped.
 */
export function schemaProblems(
  errors: ErrorObject[],
  data: unknown,
  at: Locator,
  file: string,
  label: Labeler,
  root: string,
): SyllabusProblem[] {
  const problems: SyllabusProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if' || /\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath)) continue;
    // A property name's own error comes again as the `propertyNames` error, worded there.
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') continue;
    const { line, message } = wordError(e, data, at, label, root);
    if (seen.has(`${line}:${message}`)) continue;
    seen.add(`${line}:${message}`);
    problems.push({ file, line, message });
  }
  return problems;
}
