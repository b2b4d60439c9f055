import { z } from 'zod'

type Responses = Record<number, { description: string }>

/** The request body of an endpoint, described from the same zod schema that validates it. */
export function jsonBody(schema: z.ZodType) {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return { required: true, content: { 'application/json': { schema: jsonSchema } } }
}

/** OpenAPI documentation of a custom endpoint that needs no credentials. */
export function publicOperation(opts: { summary: string; tag: string; body?: z.ZodType; responses: Responses }) {
  return {
    openapi: {
      summary: opts.summary,
      tags: [opts.tag],
      security: [],
      ...(opts.body ? { requestBody: jsonBody(opts.body) } : {}),
      responses: opts.responses,
    },
  }
}
