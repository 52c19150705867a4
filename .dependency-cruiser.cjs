// The import rules of the house (STYLE.md §2, §4, §23), checked by `npm run lint`. Tests may reach across
// layers (an integration test drives the app's real functions); production code may not.
const testFiles = "\\.(test|spec)\\.tsx?$";
const productionCode = "^(lib|app|db|inngest|components|schemas)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import circle makes load order matter and ties modules that should stand alone.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-upward",
      severity: "error",
      comment: "lib/ is the domain: routes (app/) and jobs (inngest/) call it, never the reverse.",
      from: { path: "^lib/", pathNot: testFiles },
      to: { path: "^(inngest|app)/" },
    },
    {
      name: "pipeline-pure",
      severity: "error",
      comment: "lib/pipeline is pure: no database, jobs, routes, framework or network.",
      from: { path: "^lib/pipeline/", pathNot: testFiles },
      to: {
        path: [
          "^(db|inngest|app)/",
          "^node_modules/(next|pg|ws|undici|@neondatabase|@vercel/blob|inngest)/",
          "^(node:)?(http|https|http2|net|tls|dns|dgram)$",
        ],
      },
    },
    {
      name: "production-not-tooling",
      severity: "error",
      comment:
        "Benchmarks, corpus tools, test helpers and fakes never ship: production code does not import them.",
      from: { path: productionCode, pathNot: testFiles },
      to: { path: "^(scripts|test)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^\\.next/", "^node_modules/", "^\\.data", "^test-results/", "^playwright-report/"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
