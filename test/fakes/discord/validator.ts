import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { type Document, OpenAPIBackend } from 'openapi-backend';

/** What the validator is given: the request as the fake decoded it (path without `/api/v10`, `@original` decoded). */
export interface RequestToValidate {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** The JSON body, or for multipart requests the parsed `payload_json`; undefined when there is no body. */
  body: unknown;
}

/** One schema violation, as ajv reported it. */
export interface ValidationIssue {
  /** Where in the request: `/requestBody/content`, `/query/limit`, `/path/channel_id`. */
  where: string;
  keyword: string;
  message: string;
}

export interface ValidationOutcome {
  /** The spec's operationId (`create_message`), or null when the spec has no such route. */
  operationId: string | null;
  valid: boolean;
  issues: ValidationIssue[];
  /** True when the operation's `security` demands a bot token (no anonymous `{}` alternative). */
  requiresAuth: boolean;
}

/** Validates requests against Discord's OpenAPI description (see openapi/SOURCES.md). */
export interface DiscordRequestValidator {
  validate(request: RequestToValidate): ValidationOutcome;
  /** Checks a response body against the spec's schema for the operation and status; returns the problems. */
  validateResponse(method: string, path: string, status: number, body: unknown): ValidationIssue[];
  /** How long loading and initialising the spec took, in ms (per-operation schemas compile lazily on first use). */
  readonly initMs: number;
}

const specUrl = new URL('./openapi/openapi.json.gz', import.meta.url);

/**
 * Where Discord's documentation and its preview spec disagree, the documentation wins (SOURCES.md says so):
 * - message `content` is "up to 2000 characters" in the Create/Edit Message docs; the spec allows 4000;
 * - a command's `default_member_permissions` is a "?string" bit set in the docs (discord.js sends "32"); the
 *   spec types it integer only.
 */
const documentedContentLimits = [
  'MessageCreateRequest',
  'MessageEditRequestPartial',
  'BaseCreateMessageCreateRequest',
  'SDKMessageRequest',
];
const commandRequests = [
  'ApplicationCommandCreateRequest',
  'ApplicationCommandUpdateRequest',
  'ApplicationCommandPatchRequestPartial',
];

type Schema = { properties?: Record<string, Record<string, unknown>> };
type Spec = { components: { schemas: Record<string, Schema> } };

function overrideProperty(
  spec: Spec,
  schema: string,
  property: string,
  change: (old: Record<string, unknown>) => Record<string, unknown>,
) {
  const properties = spec.components.schemas[schema]?.properties;
  const old = properties?.[property];
  if (!properties || !old)
    throw new Error(`openapi.json no longer has ${schema}.${property}; revisit the documented overrides`);
  properties[property] = change(old);
}

function applyDocumentation(spec: Spec): void {
  for (const schema of documentedContentLimits)
    overrideProperty(spec, schema, 'content', (old) => ({ ...old, maxLength: 2000 }));
  for (const schema of commandRequests) {
    overrideProperty(spec, schema, 'default_member_permissions', (old) => ({
      anyOf: [old, { type: 'string', pattern: '^[0-9]{1,20}$' }],
    }));
  }
}

type Ajv = Parameters<NonNullable<ConstructorParameters<typeof OpenAPIBackend>[0]['customizeAjv']>>[0];

// Formats the spec uses that ajv does not know; unknown formats would otherwise be ignored with a console warning.
function addDiscordFormats(ajv: Ajv): Ajv {
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]{0,19})$/);
  ajv.addFormat('nonce', true);
  ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) });
  ajv.addFormat('date-time', { type: 'string', validate: (value: string) => !Number.isNaN(Date.parse(value)) });
  return ajv;
}

async function createValidator(): Promise<DiscordRequestValidator> {
  const started = performance.now();
  const spec = JSON.parse(gunzipSync(await readFile(specUrl)).toString('utf8')) as Spec;
  applyDocumentation(spec);
  // quick: the 3.1 document fails openapi-backend's 3.0 meta-schema check; it also compiles validators lazily.
  const api = new OpenAPIBackend({
    definition: spec as unknown as Document,
    apiRoot: '/api/v10',
    quick: true,
    // Every operation compiles a fully inlined copy of its schemas; skipping the meta-schema check, code
    // optimisation and ref inlining makes that ~5x faster (and keeps the heap small) without changing results.
    ajvOpts: { validateSchema: false, inlineRefs: false, code: { optimize: false } },
    customizeAjv: (ajv) => addDiscordFormats(ajv),
  });
  await api.init();
  const initMs = performance.now() - started;

  return {
    initMs,
    validate(request) {
      const req = { ...request, path: `/api/v10${request.path}`, method: request.method.toLowerCase() };
      const operation = api.router.matchOperation(req);
      if (!operation?.operationId) {
        return {
          operationId: null,
          valid: false,
          requiresAuth: false,
          issues: [{ where: '', keyword: 'route', message: `no operation for ${request.method} ${request.path}` }],
        };
      }
      const security = operation.security;
      const requiresAuth = Array.isArray(security) && security.every((entry) => Object.keys(entry).length > 0);
      const result = api.validateRequest(req, operation);
      const issues = (result.errors ?? []).map((error) => ({
        where: error.instancePath,
        keyword: error.keyword,
        message: error.message ?? error.keyword,
      }));
      return { operationId: operation.operationId, valid: result.valid, issues, requiresAuth };
    },
    validateResponse(method, path, status, body) {
      const operation = api.router.matchOperation({
        method: method.toLowerCase(),
        path: `/api/v10${path}`,
        headers: {},
      });
      if (!operation?.operationId)
        return [{ where: '', keyword: 'route', message: `no operation for ${method} ${path}` }];
      const result = api.validateResponse(body, operation, status);
      return (result.errors ?? []).map((error) => ({
        where: error.instancePath,
        keyword: error.keyword,
        message: `${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
      }));
    },
  };
}

let shared: Promise<DiscordRequestValidator> | undefined;

/**
 * The process-wide validator. Loading the spec takes tens of ms and each operation's schema compiles on first
 * use (100–400 ms), so every FakeDiscord in a test process shares one instance.
 */
export function discordRequestValidator(): Promise<DiscordRequestValidator> {
  shared ??= createValidator();
  return shared;
}

/** Discord's `errors` codes for the ajv keywords; approximate, for readable 400 bodies. */
const codeByKeyword: Record<string, string> = {
  required: 'BASE_TYPE_REQUIRED',
  maxLength: 'BASE_TYPE_MAX_LENGTH',
  minLength: 'BASE_TYPE_MIN_LENGTH',
  maxItems: 'BASE_TYPE_MAX_LENGTH',
  minItems: 'BASE_TYPE_MIN_LENGTH',
  maximum: 'NUMBER_TYPE_MAX',
  minimum: 'NUMBER_TYPE_MIN',
  enum: 'BASE_TYPE_CHOICES',
  const: 'BASE_TYPE_CHOICES',
  type: 'BASE_TYPE_BAD_TYPE',
  anyOf: 'UNION_TYPE_CHOICES',
  oneOf: 'UNION_TYPE_CHOICES',
};

/** Turns issues into the flat `{ field, code, message }` list that `nestErrors` shapes like Discord's. */
export function issuesToFieldErrors(issues: ValidationIssue[]): { field: string; code: string; message: string }[] {
  return issues.map((issue) => ({
    field: issue.where
      .replace(/^\/requestBody/, '')
      .split('/')
      .filter(Boolean)
      .join('.'),
    code: codeByKeyword[issue.keyword] ?? 'BASE_TYPE_INVALID',
    message: issue.message,
  }));
}
