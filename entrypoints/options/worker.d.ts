/** Vite's `?worker` import: the module bundled as a Web Worker, constructed with `new`. */
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
