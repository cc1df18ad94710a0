import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'data/', 'bench/results/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // From strictTypeChecked: deprecated APIs, conditions the types already decide, templates
      // that would print "undefined" or "[object Object]", and `!` that hides a missing value.
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Leaving out a field by destructuring it (`{ id, ...rest }`) is how an answer drops one.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      // Nest controllers and services declare async methods that simply return a promise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      // supertest bodies are `any` by design; the assertions check their shape.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Each table's SQL lives in its repository, a read model's across tables in one of its own
    // (*.repository.ts both): nothing else in src/ (but src/database/) queries.
    // dependency-cruiser (.dependency-cruiser.mjs) keeps the SQL helpers' imports there; this
    // catches the calls on TypeORM's own objects.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/database/**', 'src/**/*.repository.ts', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(query|createQueryBuilder|prepare|getRepository|escapeQueryWithParameters|transaction)$/]',
          message: 'SQL belongs in a *.repository.ts file (or src/database/); call the repository.',
        },
        {
          selector: 'CallExpression[callee.name=/^(selectRows|executeWrite)$/]',
          message: 'SQL belongs in a *.repository.ts file (or src/database/); call the repository.',
        },
        {
          selector:
            'CallExpression[callee.object.name=/^(manager|dataSource|entityManager)$/][callee.property.name=/^(find\\w*|exists\\w*|count\\w*|insert|update|upsert|delete|save|remove|increment|decrement|sum|average|minimum|maximum)$/]',
          message: "The manager's find/insert/update/delete belong in a *.repository.ts file; call the repository.",
        },
        {
          selector:
            'CallExpression[callee.object.property.name=/^(manager|dataSource)$/][callee.property.name=/^(find\\w*|exists\\w*|count\\w*|insert|update|upsert|delete|save|remove|increment|decrement|sum|average|minimum|maximum)$/]',
          message: "The manager's find/insert/update/delete belong in a *.repository.ts file; call the repository.",
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
