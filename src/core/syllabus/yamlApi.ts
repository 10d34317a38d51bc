// What reading syllabus YAML needs (the yaml parser, the JSON Schemas and ajv), in a bundle of its own
// (dist/loader.js): activation reads the build's compiled JSON and never loads it; packs, Refresh in
// development and pack verification do.
export { loadSyllabus } from './loader';
export { loadQuestions } from '../exam/questionLoader';
