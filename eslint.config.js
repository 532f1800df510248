// Lint rules that suit the code as it is: typescript-eslint's recommended set, type-free so it stays fast.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".cache/", "src/.observablehq/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter kept for its position in a callback's signature.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The pipeline and the shared modules work on whole columns: a spread argument (push(...rows),
    // Math.max(...values)) puts every element on the call stack and fails from about 100,000 of them.
    files: ["pipeline/**/*.ts", "src/lib/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
          message: "A spread argument puts every element on the call stack; loop instead.",
        },
      ],
    },
  },
);
