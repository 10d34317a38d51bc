/** Python sources bundled as text by esbuild's `text` loader. */
declare module '*.py' {
  const source: string;
  export default source;
}
