export interface CheckedAnswer {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string | Buffer | undefined;
}

export interface OpenApiChecker {
  check(answer: CheckedAnswer): string[];
  operationFor(method: string, url: string): { template: string; method: string } | undefined;
}

export function createOpenApiChecker(document: unknown): OpenApiChecker;
