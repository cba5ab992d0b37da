/** A file part of a multipart request (`files[n]`), bytes kept. */
export interface UploadedFile {
  /** The form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A request body as Discord reads it: JSON (or `payload_json`) plus uploaded files. */
export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
  /** Problems with the body's framing, reported like schema issues (bad JSON, unexpected multipart parts). */
  problems: string[];
}

/** Discord's multipart schema names exactly `files[0]` … `files[9]`; other file fields are not accepted. */
const fileField = /^files\[(\d)\]$/;

/**
 * Parses a request body. Multipart bodies are decoded with the WHATWG `Response#formData()` that Node ships
 * (undici), so no multipart package is needed; `payload_json` becomes `json` and `files[n]` parts become files.
 */
export async function parseBody(contentType: string | undefined, raw: Buffer): Promise<ParsedBody> {
  const problems: string[] = [];
  if (raw.length === 0) return { json: undefined, files: [], problems };
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') return { json: parseJson(raw.toString('utf8'), problems), files: [], problems };
  if (mediaType !== 'multipart/form-data') {
    problems.push(`unsupported content-type ${contentType ?? '(none)'}`);
    return { json: undefined, files: [], problems };
  }

  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
  } catch (error) {
    problems.push(`malformed multipart body: ${(error as Error).message}`);
    return { json: undefined, files: [], problems };
  }
  const files: UploadedFile[] = [];
  let json: unknown;
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = parseJson(value, problems);
      else problems.push(`unexpected multipart field ${field}`);
      continue;
    }
    if (!fileField.test(field))
      problems.push(`unexpected multipart file field ${field} (Discord reads files[0]..files[9])`);
    files.push({
      field,
      filename: value.name,
      contentType: value.type || 'application/octet-stream',
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { json, files, problems };
}

/** The `n` of a `files[n]` field, or undefined. */
export function fileIndex(file: UploadedFile): number | undefined {
  const match = fileField.exec(file.field);
  return match ? Number(match[1]) : undefined;
}

function parseJson(text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push(`body is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}
