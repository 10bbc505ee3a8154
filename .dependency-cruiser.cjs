// `npm run lint` runs dependency-cruiser with these rules over every TypeScript source.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles, type-only ones included: what two files need of each other belongs in a third.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libraries-never-import-applications',
      severity: 'error',
      comment:
        'packages/ holds libraries; the applications (gateway, subgraphs, web, and stack, which starts them) build on them, never the other way.',
      from: { path: '^packages/' },
      to: { path: '^(gateway|subgraphs|web|stack)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Prisma's generated client is not ours to arrange.
    exclude: { path: '(^|/)(node_modules|dist|generated|\\.turbo|\\.cinegraph)/' },
    // Type-only imports count: a cycle by type is still one a reader walks round.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
