import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Links go through components/ui/link.tsx, which does not prefetch (see there why).
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Import { Link } from \"@/components/ui/link\": it does not prefetch every linked page." }] }],
    },
  },
  // The layers (route → action/page → data layer → domain → database): components render what
  // pages give them; the domain imports nothing of the app; report renderers read a model.
  // Types (DTOs) may be imported anywhere.
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/data/*", "@/lib/db/*"], allowTypeImports: true, message: "Components render props: the page reads the data layer and passes what it returns." }] }],
    },
  },
  {
    files: ["lib/domain/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "!@/lib/domain/*", "../*"], message: "lib/domain holds pure rules: it imports nothing of the app." }] }],
    },
  },
  {
    // Audit events are written by lib/data/audit.ts, whose actions are a typed list.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/data/audit.ts", "lib/db/generated/**"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.object.property.name='auditEvent'][callee.property.name=/^create/]", message: "Write audit events with writeAudit / writeAudits (lib/data/audit.ts): one place, typed actions." }],
    },
  },
  {
    files: ["lib/reports/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/data/*", "@/lib/db/*"], allowTypeImports: true, message: "Report renderers read the model they are given; the data layer builds it." }] }],
    },
  },
  // public/sw.js: the service worker bundle that `npm run build` writes (lib/build/service-worker.ts)
  { ignores: [".next/**", "node_modules/**", ".data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/sw.js"] },
];

export default config;
