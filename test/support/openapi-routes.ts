// The routes an OpenAPI document declares, with what each takes: the hostile-input test reads
// them from the running app, so a new route is covered the day it lands.
export interface JsonSchema {
  readonly $ref?: string;
  readonly allOf?: readonly JsonSchema[];
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly nullable?: boolean;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

interface OpenApiOperation {
  readonly parameters?: readonly {
    readonly in: string;
    readonly name: string;
    readonly required?: boolean;
    readonly schema?: JsonSchema;
  }[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> };
}

export interface QueryParameter {
  readonly name: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface RouteSpec {
  readonly method: string;
  // In OpenAPI form: /api/items/{key}
  readonly path: string;
  readonly query: readonly QueryParameter[];
  readonly body?: JsonSchema;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function routesOf(document: OpenApiDocument): RouteSpec[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        query: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required === true,
            schema: resolve(document, parameter.schema ?? {}),
          })),
        body: operation.requestBody?.content?.['application/json']?.schema,
      })),
  );
}

// A schema with its $ref and allOf followed, so callers see properties and constraints directly.
export function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) {
      throw new Error(`The OpenAPI document has no schema ${schema.$ref}`);
    }
    return resolve(document, target);
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    return allOf.reduce<JsonSchema>((merged, part) => ({ ...merged, ...resolve(document, part) }), rest);
  }
  return schema;
}

export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => String(match[1]));
}

export interface StringField {
  // Where the string sits in a body: ['outcomes', 0, 'reason'].
  readonly path: readonly (string | number)[];
  readonly schema: JsonSchema;
}

// Every string a body of this schema can carry (the first element standing for each array).
export function stringFields(
  document: OpenApiDocument,
  schema: JsonSchema,
  prefix: readonly (string | number)[] = [],
): StringField[] {
  const resolved = resolve(document, schema);
  if (resolved.type === 'object' || resolved.properties) {
    return Object.entries(resolved.properties ?? {}).flatMap(([name, property]) =>
      stringFields(document, property, [...prefix, name]),
    );
  }
  if (resolved.type === 'array') {
    return stringFields(document, resolved.items ?? {}, [...prefix, 0]);
  }
  return resolved.type === 'string' ? [{ path: prefix, schema: resolved }] : [];
}

// A body holding `value` at `path` and nothing else.
export function bodyWith(path: readonly (string | number)[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, step) => (typeof step === 'number' ? [inner] : { [step]: inner }), value);
}
