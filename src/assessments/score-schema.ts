// A score in the OpenAPI document (3.0.3): an integer 1, 0 or -1, or the string "n/a".
export const SCORE_SCHEMA = {
  oneOf: [
    { type: 'integer', enum: [1, 0, -1] },
    { type: 'string', enum: ['n/a'] },
  ],
};

// The same, or null (a nullable enum lists null among its values; anyOf, as null matches both).
export const NULLABLE_SCORE_SCHEMA = {
  anyOf: [
    { type: 'integer', enum: [1, 0, -1, null], nullable: true },
    { type: 'string', enum: ['n/a', null], nullable: true },
  ],
};
