/** The bundled example plans (examples/*.yaml), read at build time by scripts/build-playground.mjs. */
declare module 'virtual:examples' {
  const examples: ReadonlyArray<{ file: string; text: string; locale: 'en' | 'zh-CN' }>;
  export default examples;
}
